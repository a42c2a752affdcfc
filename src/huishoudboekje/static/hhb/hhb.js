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
 *  - the bank statement upload sends its files one by one, with progress and a
 *    result per file as soon as it is known.
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

  // Bank statement upload, one file per request: overall progress, a status line and
  // each file's result as soon as it is known. Without this the form posts all files
  // at once (and the page shows the same per-file results).
  function vul(sjabloon, waarden) {
    return (sjabloon || "").replace(/\{(\w+)\}/g, function (heel, sleutel) {
      return sleutel in waarden ? String(waarden[sleutel]) : heel;
    });
  }

  function foutmelding(naam, tekst) {
    var li = document.createElement("li");
    li.innerHTML =
      '<div class="utrecht-alert utrecht-alert--error" role="alert"><div class="utrecht-alert__content">' +
      '<div class="utrecht-alert__message"><p class="utrecht-paragraph"><strong></strong></p>' +
      '<p class="utrecht-paragraph"></p></div></div></div>';
    var alineas = li.querySelectorAll("p");
    alineas[0].firstChild.textContent = naam;
    alineas[1].textContent = tekst;
    return li;
  }

  function uploadPerBestand(form) {
    var invoer = form.querySelector('input[type="file"]');
    var doel = document.getElementById("hhb-importresultaat");
    var bestanden = invoer && invoer.files ? Array.prototype.slice.call(invoer.files) : [];
    var max = parseInt(form.getAttribute("data-max-bestanden") || "0", 10);
    if (!doel || !bestanden.length || (max && bestanden.length > max) || !window.DOMParser) {
      return false; // the server answers with the form's own message
    }
    var token = form.querySelector('input[name="csrfmiddlewaretoken"]');
    var balk = form.querySelector("progress");
    var status = form.querySelector(".hhb-uploadstatus");
    var knop = form.querySelector('button[type="submit"]');
    var totaal = bestanden.length;
    var geweigerd = 0;
    var naarOpen = null;
    doel.innerHTML = "";
    var kop = document.createElement("h2");
    kop.className = "utrecht-heading-2";
    kop.textContent = form.getAttribute("data-tekst-kop");
    var lijst = document.createElement("ul");
    lijst.className = "hhb-importresultaten";
    doel.appendChild(kop);
    doel.appendChild(lijst);
    knop.disabled = true;
    balk.hidden = false;
    balk.max = totaal * 100;
    balk.value = 0;

    function volgende(i) {
      if (i >= totaal) {
        balk.value = balk.max;
        status.textContent = vul(form.getAttribute("data-tekst-klaar"), {
          totaal: totaal, gelukt: totaal - geweigerd, geweigerd: geweigerd,
        });
        if (naarOpen) doel.appendChild(naarOpen);
        knop.disabled = false;
        invoer.value = "";
        return;
      }
      var bestand = bestanden[i];
      status.textContent = vul(form.getAttribute("data-tekst-bezig"), {
        n: i + 1, totaal: totaal, naam: bestand.name,
      });
      var data = new FormData();
      if (token) data.append("csrfmiddlewaretoken", token.value);
      data.append(invoer.name, bestand, bestand.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("HX-Request", "true");
      xhr.setRequestHeader("X-CSRFToken", (token && token.value) || csrfToken());
      xhr.upload.addEventListener("progress", function (event) {
        // the transfer is the first half of a file's share; reading and booking the rest
        if (event.lengthComputable) balk.value = i * 100 + Math.round((event.loaded / event.total) * 50);
      });
      function fout(melding) {
        geweigerd += 1;
        lijst.appendChild(foutmelding(bestand.name, melding));
      }
      xhr.addEventListener("load", function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          var antwoord = new DOMParser().parseFromString(xhr.responseText, "text/html");
          var regels = antwoord.querySelectorAll(".hhb-importresultaten > li");
          if (!regels.length) fout(vul(form.getAttribute("data-tekst-fout"), { status: xhr.status }));
          Array.prototype.forEach.call(regels, function (li) {
            if (li.querySelector(".utrecht-alert--error")) geweigerd += 1;
            lijst.appendChild(document.importNode(li, true));
          });
          var link = antwoord.querySelector(".hhb-naar-open");
          if (link && !naarOpen) naarOpen = document.importNode(link, true);
        } else {
          fout(vul(form.getAttribute("data-tekst-fout"), { status: xhr.status }));
        }
        balk.value = (i + 1) * 100;
        volgende(i + 1);
      });
      xhr.addEventListener("error", function () {
        fout(vul(form.getAttribute("data-tekst-fout"), { status: "-" }));
        balk.value = (i + 1) * 100;
        volgende(i + 1);
      });
      xhr.send(data);
    }
    volgende(0);
    return true;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.classList.contains("hhb-upload") && !event.defaultPrevented) {
      if (uploadPerBestand(form)) event.preventDefault();
    }
  });
})();
