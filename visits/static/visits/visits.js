// Behind a caching proxy the visit figures are not in the page: fetch them,
// which also counts this view (visits/views.py). Without this file the page
// says the figures are not available, and nothing else changes.
(function () {
  "use strict";

  var slots = document.querySelectorAll("[data-visits-src]");
  Array.prototype.forEach.call(slots, function (slot) {
    if (!window.fetch) {
      return;
    }
    window.fetch(slot.getAttribute("data-visits-src"), {
      credentials: "same-origin",
      headers: { Accept: "text/html" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("figures: " + response.status);
      }
      return response.text();
    }).then(function (html) {
      slot.innerHTML = html;
    }).catch(function () {
      // The notice already in the slot stays.
    });
  });
})();
