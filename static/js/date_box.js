// One box per partial date: as the analyst types ("5-7 June [2018]"), say what it will be
// saved as ("5-7 June 2018: day precision, year inferred"), or why it cannot be read.
// Without this script the box still works: the form reads it on save and says the same.
// One listener for the page, so that the boxes of inline rows added later are read too.
(function () {
  "use strict";
  const timers = new WeakMap();
  function read(box) {
    const hint = document.getElementById(box.id + "_understood");
    if (!hint) return;
    const query = new URLSearchParams({ text: box.value, today: box.dataset.today || "" });
    fetch(box.dataset.readDateUrl + "?" + query.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (reading) {
        hint.textContent = reading.error || reading.understood;
        hint.classList.toggle("errornote-inline", Boolean(reading.error));
      })
      .catch(function () { hint.textContent = ""; });
  }
  document.addEventListener("input", function (event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.readDateUrl) return;
    clearTimeout(timers.get(box));
    timers.set(box, setTimeout(function () { read(box); }, 250));
  });
})();
