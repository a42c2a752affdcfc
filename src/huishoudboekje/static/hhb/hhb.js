/*
 * Huishoudboekje: small unobtrusive behaviours. Everything works without this file;
 * it only adds comfort. Loaded with <script defer>, no inline script (strict CSP).
 *
 *  - htmx requests send the CSRF token from <meta name="csrf-token">.
 *  - <form data-confirm="Weet u het zeker?"> (or a submit button with data-confirm)
 *    asks for confirmation before submitting.
 *  - <select data-hhb-autosubmit> submits its form on change (filters).
 *  - <button data-hhb-print> prints the page.
 *  - wide tables get a horizontally scrollable, keyboard-focusable container.
 */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // htmx: CSRF header on every non-GET request.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token && event.detail.verb !== "get") {
      event.detail.headers["X-CSRFToken"] = token;
    }
  });

  // Confirmation for dangerous actions.
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      var knop = event.submitter;
      var vraag = (knop && knop.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
      if (vraag && !window.confirm(vraag)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  // Filters that apply themselves.
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el instanceof HTMLElement && el.hasAttribute("data-hhb-autosubmit") && el.form) {
      if (typeof el.form.requestSubmit === "function") el.form.requestSubmit();
      else el.form.submit();
    }
  });

  document.addEventListener("click", function (event) {
    var el = event.target instanceof Element ? event.target.closest("[data-hhb-print]") : null;
    if (el) {
      event.preventDefault();
      window.print();
    }
  });

  // Tables: wrap in a scroll container; make it focusable only when it really scrolls,
  // so keyboard users can scroll it (WCAG 2.1.1) without extra tab stops otherwise.
  function markeerScroll(container) {
    if (container.scrollWidth > container.clientWidth + 1) {
      container.setAttribute("tabindex", "0");
      container.setAttribute("role", "region");
      if (!container.hasAttribute("aria-label") && !container.hasAttribute("aria-labelledby")) {
        var caption = container.querySelector("caption");
        container.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title);
      }
    } else if (container.getAttribute("tabindex") === "0") {
      container.removeAttribute("tabindex");
      container.removeAttribute("role");
    }
  }

  function tabellen(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var lijst = Array.prototype.slice.call(scope.querySelectorAll("table.utrecht-table"));
    if (scope.matches && scope.matches("table.utrecht-table")) lijst.push(scope);
    lijst.forEach(function (tabel) {
      var ouder = tabel.parentElement;
      if (!ouder) return;
      if (!ouder.classList.contains("hhb-tabel-container")) {
        var container = document.createElement("div");
        container.className = "hhb-tabel-container";
        ouder.insertBefore(container, tabel);
        container.appendChild(tabel);
        ouder = container;
      }
      markeerScroll(ouder);
    });
  }

  function alleContainers() {
    document.querySelectorAll(".hhb-tabel-container").forEach(markeerScroll);
  }

  function start() {
    tabellen(document);
    if (window.htmx && typeof window.htmx.onLoad === "function") {
      window.htmx.onLoad(tabellen);
    }
    var timer;
    window.addEventListener("resize", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(alleContainers, 150);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  // Upload progress for bank statement files (htmx posts the form).
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target instanceof Element ? event.target.closest("form.hhb-upload") : null;
    var balk = form ? form.querySelector("progress") : null;
    if (balk && event.detail && event.detail.lengthComputable) {
      balk.hidden = false;
      balk.value = Math.round((event.detail.loaded / event.detail.total) * 100);
    }
  });
})();
