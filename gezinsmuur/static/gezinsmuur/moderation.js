// Keyboard moderation: A approves, R rejects (with the chosen or typed reason), S skips.
// Physical keys (event.code), so the shortcuts work with an Arabic or AZERTY layout too.
(function () {
  "use strict";
  var form = document.querySelector("[data-decision]");
  if (!form) return;
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    var key = (event.code || "").replace(/^Key/, "").toLowerCase();
    var button = form.querySelector('[data-key="' + key + '"]');
    if (!button) return;
    event.preventDefault();
    if (button.value === "reject" && !form.querySelector("select").value && !form.querySelector("input[name=reason_text]").value) {
      form.querySelector("select").focus();
      return;
    }
    button.click();
  });
})();
