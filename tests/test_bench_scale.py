"""`make bench-scale`'s own logic, without a server: reading wrk's output, checking the targets,
refusing a database it must not drop, and writing its section of docs/benchmarks.md while
`make bench` keeps that section as it is."""

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import run  # noqa: E402  (bench/run.py, a script, not a package)
import scale  # noqa: E402

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:40000/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    22.47ms    5.12ms  61.03ms   71.20%
    Req/Sec   357.01     40.11   450.00     70.00%
  Latency Distribution
     50%   21.90ms
     75%   25.10ms
     90%   28.80ms
     99%   40.20ms
  7123 requests in 10.01s, 66.12MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    711.60
Transfer/sec:      6.61MB
cocrea-latency p50=21904 p95=31250 p99=40200
"""

SMALL_DOC = """# Benchmarks

Intro.

## Latest run

| table |

## History

Every run of `make bench` adds its figures here, newest first.

### 2026-11-28 15:27 UTC

small figures
"""


def test_reads_rate_percentiles_and_errors_from_wrk():
    load = scale.parse_load(WRK_OUTPUT)
    assert load.rps == 711.60
    assert (load.p50_ms, load.p95_ms, load.p99_ms) == (21.904, 31.25, 40.2)
    assert load.requests == 7123
    assert load.errors == 3


def test_without_the_percentile_line_the_run_stops():
    output = WRK_OUTPUT.replace("cocrea-latency p50=21904 p95=31250 p99=40200\n", "")
    with pytest.raises(run.SetupError, match="latency percentiles"):
        scale.parse_load(output)


def _page(path, persona="", *, ratio, p95=20.0, first=30.0, status=200, errors=0):
    page = scale.Page(
        path=path, label="", status=status, first_ms=first, queries=5, size=1000, persona=persona
    )
    if status == 200:
        page.load = scale.Load(rps=100, p95_ms=p95, errors=errors, ratio=ratio)
    return page


def test_each_target_is_checked_against_its_own_kind_of_page():
    pages = [
        _page("/a/", ratio=0.61),  # meets all
        _page("/b/", ratio=0.59),  # cached below 60%
        _page("/c/", ratio=0.70, p95=150.0),  # p95 at the limit: missed
        _page("/d/", ratio=0.70, first=150.0),  # first render at the limit: missed
        _page("/e/", "citizen", ratio=0.13),  # signed in: 12% is enough
        _page("/f/", "citizen", ratio=0.11),
        _page("/g/", "citizen", ratio=None, status=403),  # not theirs: no target
        _page("/h/", ratio=0.9, errors=2),
    ]
    failures = scale.check_targets(pages, rss=[149.0, 151.0])
    assert failures == [
        "/b/ (anonymous): 59% of minimal < 60%",
        "/c/ (anonymous): p95 150 ms >= 150",
        "/d/ (anonymous): first render 150 ms >= 150",
        "/f/ (citizen): 11% of minimal < 12%",
        "/h/ (anonymous): 2 errors",
        "worker 2: 151 MB resident >= 150 MB",
    ]
    assert scale.summary(pages, [149.0, 151.0]) == [
        "anonymous cached >= 60% of the minimal view: 4 of 5 pages",
        "anonymous cached p95 < 150 ms: 4 of 5 pages",
        "signed in >= 12% of the minimal view: 1 of 2 pages",
        "first render < 150 ms: 6 of 7 pages",
        "no errors under load: 6 of 7 pages",
        "worker memory < 150 MB: **missed** (149 MB, 151 MB)",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "postgres://postgres@127.0.0.1:5432/cocrea",
        "sqlite:///bench.sqlite3",
        "postgres://postgres@127.0.0.1:5432/test_bench",
    ],
)
def test_refuses_a_database_it_may_not_drop(monkeypatch, url):
    monkeypatch.setenv("BENCH_DATABASE_URL", url)
    with pytest.raises(run.SetupError, match="name begins with 'bench'"):
        scale.settings_from_env()


def test_reads_factor_seed_and_database_from_the_environment(monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_URL", "postgres://postgres@db:5432/bench_x")
    monkeypatch.setenv("BENCH_FACTOR", "2.5")
    monkeypatch.setenv("BENCH_SEED", "9")
    monkeypatch.delenv("BENCH_REDIS_URL", raising=False)
    conf = scale.settings_from_env()
    assert (conf["name"], conf["factor"], conf["seed"], conf["redis"]) == ("bench_x", 2.5, 9, "")
    monkeypatch.setenv("BENCH_FACTOR", "100")
    assert scale.settings_from_env()["factor"] == 100


def test_the_scale_section_goes_before_the_history_and_keeps_its_own(tmp_path, monkeypatch):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(SMALL_DOC)
    monkeypatch.setattr(scale, "DOC", doc)
    monkeypatch.setattr(run, "DOC", doc)

    scale.write_doc("#### first run\n\nfigures one")
    text = doc.read_text()
    assert text.index("## Latest run") < text.index(scale.START) < text.index(scale.END)
    assert text.index(scale.END) < text.index("\n## History\n")
    assert text.count("figures one") == 2  # latest, and its history
    assert text.endswith(SMALL_DOC[SMALL_DOC.index("## History") :])

    scale.write_doc("#### second run\n\nfigures two")
    text = doc.read_text()
    latest = text[text.index("### Latest run at scale") : text.index(scale.HISTORY)]
    history = text[text.index(scale.HISTORY) : text.index(scale.END)]
    assert "figures two" in latest and "figures one" not in latest
    assert history.index("#### second run") < history.index("#### first run")
    # run.py's History (after the section) is still whole, once.
    assert run.previous_history() == "### 2026-11-28 15:27 UTC\n\nsmall figures"
    assert text.count(scale.START) == 1

    # `make bench` rewrites the file around the section, which it keeps verbatim.
    section = text[text.index(scale.START) : text.index(scale.END) + len(scale.END)]
    assert run.scale_section() == section + "\n\n"
