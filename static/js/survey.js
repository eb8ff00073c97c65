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

  // The header's counter and bar, from the server's count after each saved answer.
  function progress(data) {
    if (!data || typeof data.answered !== "number") return;
    document.querySelectorAll(".answered-n").forEach(function (el) {
      el.textContent = String(data.answered);
    });
    const bar = document.querySelector("#progress [role=progressbar]");
    if (bar) {
      bar.setAttribute("aria-valuenow", String(data.percent));
      bar.firstElementChild.style.width = data.percent + "%";
    }
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
          response.json().then(progress, function () {});
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

// Keyboard-first answering: 1-5 choose a level (the n-th option) and 0 "don't know" for
// the current question, which then hands over to the next one; Enter goes to the next
// page once every scored question of this one has an answer. Typing in a field is left
// alone, and mouse and touch work as before.
(function () {
  "use strict";
  const form = document.getElementById("survey");
  if (!form) return;
  const questions = Array.from(form.querySelectorAll("fieldset.question"));
  const status = document.getElementById("kbd-status");
  let current = null;

  function answered(fieldset) {
    return Boolean(fieldset.querySelector("input[type=radio]:checked"));
  }

  function announce(text) {
    if (!status) return;
    status.textContent = "";
    // A fresh text node, so the same message twice is still read out.
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function focusQuestion(fieldset) {
    current = fieldset;
    const input = fieldset.querySelector("input[type=radio]:checked") ||
      fieldset.querySelector("input[type=radio]");
    input.focus({ preventScroll: true });
    fieldset.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function typing(target) {
    return target.isContentEditable || target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && !["radio", "checkbox", "button", "submit"].includes(target.type));
  }

  form.addEventListener("focusin", function (event) {
    const fieldset = event.target.closest("fieldset.question");
    if (fieldset) current = fieldset;
  });

  function choose(key) {
    const fieldset = current || questions.find(function (q) { return !answered(q); }) || questions[0];
    const input = fieldset && fieldset.querySelector('input[data-key="' + key + '"]');
    if (!input) return false;
    if (!input.checked) {
      input.checked = true;
      input.dispatchEvent(new Event("change", { bubbles: true })); // the autosave listens
    }
    const label = form.querySelector('label[for="' + input.id + '"]');
    const text = label ? label.textContent.trim() : "";
    const next = questions.slice(questions.indexOf(fieldset) + 1).find(function (q) {
      return !answered(q);
    }) || questions[questions.indexOf(fieldset) + 1];
    if (next) focusQuestion(next);
    else current = fieldset;
    announce(form.dataset.msgChosen.replace("%(choice)s", text));
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (typing(target)) return;
    if (/^[0-9]$/.test(event.key)) {
      if (target.closest && target.closest("form") && !form.contains(target)) return;
      if (choose(event.key)) event.preventDefault();
      return;
    }
    if (event.key !== "Enter") return;
    // Enter on a button or link does what that control does.
    if (target.closest && target.closest("button, a, summary, details")) return;
    event.preventDefault(); // never the form's first button ("Previous")
    const missing = questions.filter(function (q) {
      return q.hasAttribute("data-scored") && !answered(q);
    });
    if (missing.length) {
      focusQuestion(missing[0]);
      announce(form.dataset.msgIncomplete);
      return;
    }
    document.getElementById("next").click();
  });
})();
