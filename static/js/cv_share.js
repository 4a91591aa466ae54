/* Share page: "Copy the link" (clipboard where allowed, otherwise the link is selected for the phone's own
   copy menu). Without JavaScript the button stays hidden and the link can be selected by hand. */
(function () {
  "use strict";
  document.querySelectorAll("button.cv-copy").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    var status = button.closest("li.card").querySelector(".cv-copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      function selected() {
        field.focus();
        field.select();
        status.textContent = button.dataset.selected;
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          status.textContent = button.dataset.copied;
        }, selected);
      } else {
        selected();
      }
    });
  });
})();
