// One box per partial date: as the analyst types ("5-7 June [2018]"), say what it will be
// saved as ("5-7 June 2018: day precision, year inferred"), or why it cannot be read.
// Without this script the box still works: the form reads it on save and says the same.
(function () {
  "use strict";
  function watch(box) {
    const hint = document.getElementById(box.id + "_understood");
    if (!hint) return;
    let timer = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        const query = new URLSearchParams({ text: box.value, today: box.dataset.today || "" });
        fetch(box.dataset.readDateUrl + "?" + query.toString(), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (reading) {
            hint.textContent = reading.error || reading.understood;
            hint.classList.toggle("errornote-inline", Boolean(reading.error));
          })
          .catch(function () { hint.textContent = ""; });
      }, 250);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-read-date-url]").forEach(watch);
  });
})();
