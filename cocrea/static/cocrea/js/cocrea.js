// Asks before a destructive form is sent: <form data-confirm="question">.
document.addEventListener("submit", function (event) {
  var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);

// A refused form: the error summary at the top of the page takes the focus (the `autofocus`
// attribute does it without this script in current browsers; this covers the others).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
});
