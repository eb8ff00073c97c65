// The private link panel: copy the link, e-mail it (sent by the server, throttled), and
// open the panel from the header's "Continue later".
(function () {
  "use strict";
  const panel = document.getElementById("resume");
  if (!panel) return;
  const link = document.getElementById("resume-link");
  const status = document.getElementById("resume-status");

  function say(text) { status.textContent = text; }

  panel.querySelector(".copy-link").addEventListener("click", function () {
    const done = function () { say(panel.dataset.msgCopied); };
    const fallback = function () {
      link.focus();
      link.select();
      try {
        if (document.execCommand("copy")) { done(); return; }
      } catch (e) { /* the message below */ }
      say(panel.dataset.msgCopyFailed);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link.value).then(done, fallback);
    } else {
      fallback();
    }
  });

  const mail = panel.querySelector("form.email-link");
  if (mail && window.fetch) {
    mail.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!mail.reportValidity()) return;
      const button = mail.querySelector("button[type=submit]");
      button.disabled = true;
      say(panel.dataset.msgSending);
      fetch(mail.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(mail)),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (data) { return [response, data]; },
            function () { return [response, {}]; });
        })
        .then(function (result) {
          const data = result[1];
          say(result[0].ok ? data.message : (data.error || panel.dataset.msgFailed));
          if (result[0].ok) mail.reset();
        })
        .catch(function () { say(panel.dataset.msgFailed); })
        .finally(function () { button.disabled = false; });
    });
  }

  document.querySelectorAll("a.resume-open").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      panel.open = true;
      panel.scrollIntoView({ block: "center", behavior: "smooth" });
      link.focus({ preventScroll: true });
    });
  });
})();
