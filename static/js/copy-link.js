// Participants' personal links: fetched only when the consultant asks, shown in a field
// beside the button and copied to the clipboard where the browser allows it.
(function () {
  "use strict";
  document.querySelectorAll("[data-link-url]").forEach(function (button) {
    button.addEventListener("click", function () {
      var output = document.getElementById(button.getAttribute("aria-controls"));
      fetch(button.dataset.linkUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (data) {
          output.value = data.url;
          output.hidden = false;
          output.select();
          var done = function () { button.textContent = button.dataset.copied; };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(data.url).then(done, function () { button.textContent = button.dataset.select; });
          } else {
            button.textContent = button.dataset.select;
          }
        })
        .catch(function () { button.textContent = button.dataset.failed; });
    });
  });
})();
