// Saves each answer as soon as it is given. A failed save (network down, server
// error, or 429 when the server throttles) is shown on the question as "not saved –
// retrying" and retried with backoff (at least the server's Retry-After) until it
// succeeds; the newest choice per question always wins.
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
          // 429 says how long to wait; 5xx and proxies' errors get the plain backoff.
          item.wait = 1000 * (parseInt(response.headers.get("Retry-After"), 10) || 0);
          throw new Error("status " + response.status);
        }
      })
      .catch(function () {
        if (pending.get(question) !== item) return;
        item.attempt += 1;
        state(fieldset, form.dataset.msgRetrying, "retrying");
        // Jitter spreads the retries of many pages after an outage.
        const backoff = Math.min(30000, 1000 * 2 ** item.attempt) * (0.75 + Math.random() / 2);
        const delay = Math.min(Math.max(backoff, item.wait || 0), 120000);
        item.wait = 0;
        clearTimeout(item.timer);
        item.timer = setTimeout(function () { send(question); }, delay);
      });
  }

  form.addEventListener("change", function (event) {
    const input = event.target;
    if (input.type !== "radio") return;
    const fieldset = input.closest("[data-question]");
    const question = fieldset.dataset.question;
    const previous = pending.get(question);
    if (previous) clearTimeout(previous.timer); // its retry would send the old choice
    pending.set(question, { value: input.value, attempt: 0 });
    send(question);
  });

  // Back online: retry the waiting answers now instead of at the end of their backoff.
  window.addEventListener("online", function () {
    pending.forEach(function (item, question) { clearTimeout(item.timer); send(question); });
  });

  window.addEventListener("beforeunload", function (event) {
    if (pending.size) { event.preventDefault(); event.returnValue = ""; }
  });
  // Submitting the page posts every answer anyway; do not warn then.
  form.addEventListener("submit", function () { pending.clear(); });
})();
