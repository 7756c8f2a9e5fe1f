// Keyboard moderation: A approves, R rejects (with the chosen or typed reason), S skips.
(function () {
  "use strict";
  var form = document.querySelector("[data-decision]");
  if (!form) return;
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    var button = form.querySelector('[data-key="' + event.key.toLowerCase() + '"]');
    if (!button) return;
    event.preventDefault();
    if (button.value === "reject" && !form.querySelector("select").value && !form.querySelector("input[name=reason_text]").value) {
      form.querySelector("select").focus();
      return;
    }
    button.click();
  });
})();
