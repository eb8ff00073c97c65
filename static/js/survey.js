// Saves each answer as soon as it is given. A failed save (network or server
// down) is shown on the question and retried with backoff until it succeeds;
// the newest choice per question always wins.
(function () {
  "use strict";
  const form = document.getElementById("survey");
  if (!form || !window.fetch) return;
  const url = form.dataset.autosave;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const pending = new Map(); // question id -> {value, attempt}

  function state(fieldset, text, cls) {
    const el = fieldset.querySelector(".save-state");
    el.textContent = text;
    el.className = "save-state " + (cls || "");
  }

  function send(question) {
    const item = pending.get(question);
    if (!item) return;
    const fieldset = form.querySelector('[data-question="' + question + '"]');
    const value = item.value;
    state(fieldset, form.dataset.msgSaving);
    const body = new URLSearchParams({ question: question, value: value });
    fetch(url, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (pending.get(question) !== item) return; // a newer choice is on its way
        if (response.ok) {
          pending.delete(question);
          state(fieldset, form.dataset.msgSaved, "saved");
        } else if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          pending.delete(question);
          state(fieldset, form.dataset.msgRejected, "retrying");
        } else {
          throw new Error("status " + response.status);
        }
      })
      .catch(function () {
        if (pending.get(question) !== item) return;
        item.attempt += 1;
        state(fieldset, form.dataset.msgRetrying, "retrying");
        setTimeout(function () { send(question); }, Math.min(30000, 1000 * 2 ** item.attempt));
      });
  }

  form.addEventListener("change", function (event) {
    const input = event.target;
    if (input.type !== "radio") return;
    const fieldset = input.closest("[data-question]");
    const question = fieldset.dataset.question;
    pending.set(question, { value: input.value, attempt: 0 });
    send(question);
  });

  window.addEventListener("beforeunload", function (event) {
    if (pending.size) { event.preventDefault(); event.returnValue = ""; }
  });
  // Submitting the page posts every answer anyway; do not warn then.
  form.addEventListener("submit", function () { pending.clear(); });
})();
