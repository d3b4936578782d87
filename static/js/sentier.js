/*
 * Sentier: small progressive enhancements. Every page works without this file.
 *
 * 1. Session expiry warning. <body data-session-seconds data-session-warning-seconds
 *    data-keepalive-url data-login-url> give the timings; the dialog's texts come from
 *    <template id="sentier-session-warning"> (translated by Django). "Stay signed in" pings the
 *    keep-alive URL (any request renews the session). Activity in another tab of the same
 *    browser counts too (shared through localStorage).
 * 2. Nothing typed is lost: once the warning shows, form fields are kept in sessionStorage
 *    (this tab only, never passwords) and put back when the same page is opened again after
 *    signing in. The server also keeps a POST that arrives after expiry (see core/middleware.py).
 * 3. A form's error summary takes the focus when the page loads, so it is read first.
 *
 * No inline script or style anywhere (CSP): this file only toggles attributes and classes.
 */
(function () {
  "use strict";

  var ACTIVITY_KEY = "sentier:last-activity";
  var KEPT_PREFIX = "sentier:kept:";
  var SKIPPED_TYPES = ["password", "hidden", "file", "submit", "button", "reset", "image"];

  var body = document.body;
  var sessionSeconds = parseInt(body.getAttribute("data-session-seconds") || "0", 10);
  var warningSeconds = parseInt(body.getAttribute("data-session-warning-seconds") || "0", 10);
  var keepaliveUrl = body.getAttribute("data-keepalive-url");
  var loginUrl = body.getAttribute("data-login-url");

  var lastActivity = Date.now();
  var warnTimer = null;
  var endTimer = null;
  var dialog = null;
  var keeping = false;

  /* ------------------------------------------------------------------ storage helpers */

  function storage(kind) {
    try {
      var store = window[kind];
      var probe = "sentier:probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // private mode, disabled storage: the warning still works
    }
  }

  var local = storage("localStorage");
  var session = storage("sessionStorage");

  /* ------------------------------------------------------------------ keep what is typed */

  function keptKey() {
    return KEPT_PREFIX + window.location.pathname;
  }

  function keepable(element) {
    if (!element.name || element.disabled) return false;
    if (element.closest("[data-sentier-no-keep]")) return false;
    if (element.autocomplete === "off" || element.autocomplete === "one-time-code") return false;
    var type = (element.type || "").toLowerCase();
    return SKIPPED_TYPES.indexOf(type) === -1 && element.name !== "csrfmiddlewaretoken";
  }

  function keepForms() {
    if (!session) return;
    var forms = [];
    Array.prototype.forEach.call(document.forms, function (form, index) {
      if ((form.method || "get").toLowerCase() !== "post") return;
      var fields = [];
      Array.prototype.forEach.call(form.elements, function (element) {
        if (!keepable(element)) return;
        var type = (element.type || "").toLowerCase();
        if (type === "checkbox" || type === "radio") {
          fields.push({ name: element.name, value: element.value, checked: element.checked });
        } else if (element.tagName === "SELECT" && element.multiple) {
          var values = Array.prototype.filter
            .call(element.options, function (option) { return option.selected; })
            .map(function (option) { return option.value; });
          fields.push({ name: element.name, values: values });
        } else {
          fields.push({ name: element.name, value: element.value });
        }
      });
      if (fields.length) forms.push({ index: index, action: form.getAttribute("action") || "", fields: fields });
    });
    if (forms.length) session.setItem(keptKey(), JSON.stringify({ at: Date.now(), forms: forms }));
    if (dialog) {
      Array.prototype.forEach.call(dialog.querySelectorAll("[data-if-kept]"), function (part) {
        part.hidden = forms.length === 0;
      });
    }
  }

  function formFor(saved) {
    var form = document.forms[saved.index];
    if (form && (form.getAttribute("action") || "") === saved.action) return form;
    return Array.prototype.find.call(document.forms, function (candidate) {
      return (candidate.getAttribute("action") || "") === saved.action;
    });
  }

  function restoreForms() {
    if (!session) return;
    var raw = session.getItem(keptKey());
    if (!raw) return;
    session.removeItem(keptKey());
    var kept;
    try {
      kept = JSON.parse(raw);
    } catch (error) {
      return;
    }
    var restoredForm = null;
    (kept.forms || []).forEach(function (saved) {
      var form = formFor(saved);
      if (!form) return;
      saved.fields.forEach(function (field) {
        var elements = Array.prototype.filter.call(form.elements, function (element) {
          return element.name === field.name && keepable(element);
        });
        elements.forEach(function (element) {
          var type = (element.type || "").toLowerCase();
          if (type === "checkbox" || type === "radio") {
            if (element.value === field.value && element.checked !== field.checked) {
              element.checked = field.checked;
              restoredForm = form;
            }
          } else if (field.values && element.tagName === "SELECT") {
            Array.prototype.forEach.call(element.options, function (option) {
              option.selected = field.values.indexOf(option.value) !== -1;
            });
            restoredForm = form;
          } else if (typeof field.value === "string" && field.value !== "" && element.value === "") {
            // Never overwrite what the server put back (bind_form) or what is already there.
            element.value = field.value;
            restoredForm = form;
          }
        });
      });
    });
    if (restoredForm) announceRestored(restoredForm);
  }

  function announceRestored(form) {
    var template = document.getElementById("sentier-restored-notice");
    if (!template) return;
    var notice = template.content.firstElementChild.cloneNode(true);
    form.parentNode.insertBefore(notice, form);
  }

  function forgetOnSubmit(event) {
    if (!session || event.target.tagName !== "FORM") return;
    if (event.target.id === "sentier-sign-out") {
      // Signing out on purpose: nothing typed stays behind in this tab.
      for (var index = session.length - 1; index >= 0; index -= 1) {
        var key = session.key(index);
        if (key && key.indexOf(KEPT_PREFIX) === 0) session.removeItem(key);
      }
      return;
    }
    session.removeItem(keptKey());
  }

  function keepOnInput() {
    if (dialog && dialog.open) keepForms();
  }

  /* ------------------------------------------------------------------ session warning */

  function clock(timestamp) {
    var language = document.documentElement.lang || "fr-CA";
    try {
      return new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" }).format(
        new Date(timestamp)
      );
    } catch (error) {
      return new Date(timestamp).toLocaleTimeString();
    }
  }

  function buildDialog() {
    if (dialog) return dialog;
    var template = document.getElementById("sentier-session-warning");
    if (!template) return null;
    dialog = template.content.firstElementChild.cloneNode(true);
    document.body.appendChild(dialog);
    dialog.querySelector('[data-session-action="stay"]').addEventListener("click", staySignedIn);
    var signIn = dialog.querySelector('[data-session-action="sign-in"]');
    if (signIn && loginUrl) {
      signIn.href = loginUrl + "?next=" + encodeURIComponent(window.location.pathname + window.location.search);
    }
    dialog.addEventListener("cancel", function (event) {
      // Escape must not hide a warning that still needs an answer.
      event.preventDefault();
    });
    return dialog;
  }

  function showState(name) {
    Array.prototype.forEach.call(dialog.querySelectorAll("[data-state]"), function (part) {
      part.hidden = part.getAttribute("data-state") !== name;
    });
  }

  function openDialog(state) {
    if (!buildDialog()) return;
    showState(state);
    dialog.querySelector("[data-session-status]").textContent = "";
    if (!dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    var focusTarget = dialog.querySelector('[data-state="' + state + '"] .qc-button');
    if (focusTarget) focusTarget.focus();
  }

  function closeDialog() {
    if (!dialog || !dialog.open) return;
    if (typeof dialog.close === "function") dialog.close();
    else dialog.removeAttribute("open");
  }

  function warn() {
    var endsAt = lastActivity + sessionSeconds * 1000;
    if (!buildDialog()) return;
    dialog.querySelector("[data-session-end]").textContent = clock(endsAt);
    keepForms();
    openDialog("warning");
  }

  function expire() {
    buildDialog();
    keepForms();
    openDialog("expired");
  }

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    var left = lastActivity + sessionSeconds * 1000 - Date.now();
    var warnIn = left - warningSeconds * 1000;
    warnTimer = window.setTimeout(warn, Math.max(warnIn, 0));
    endTimer = window.setTimeout(expire, Math.max(left, 0));
  }

  function activity(at, share) {
    lastActivity = Math.max(lastActivity, at || Date.now());
    if (share && local) local.setItem(ACTIVITY_KEY, String(lastActivity));
    closeDialog();
    schedule();
  }

  function staySignedIn() {
    if (keeping || !keepaliveUrl) return;
    keeping = true;
    var status = dialog.querySelector("[data-session-status]");
    status.textContent = "";
    window
      .fetch(keepaliveUrl, {
        method: "GET",
        credentials: "same-origin",
        redirect: "manual",
        cache: "no-store",
        headers: { "X-Requested-With": "fetch" }
      })
      .then(function (response) {
        if (response.status === 204) {
          if (session) session.removeItem(keptKey());
          activity(Date.now(), true);
        } else {
          expire(); // redirected to the sign-in page: the session is already gone
        }
      })
      .catch(function () {
        var failed = document.getElementById("sentier-session-failed");
        status.textContent = failed ? failed.content.textContent : "";
      })
      .then(function () {
        keeping = false;
      });
  }

  function startSessionWarning() {
    if (!(sessionSeconds > 0) || !document.getElementById("sentier-session-warning")) return;
    activity(Date.now(), true);
    window.addEventListener("storage", function (event) {
      if (event.key === ACTIVITY_KEY && event.newValue) {
        var at = parseInt(event.newValue, 10);
        if (at > lastActivity) activity(at, false);
      }
    });
    // An htmx request reaches the server, so it renews the session as a page load does.
    document.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail && event.detail.xhr;
      if (xhr && xhr.status > 0 && xhr.status < 400) activity(Date.now(), true);
    });
    document.addEventListener("input", keepOnInput, true);
    document.addEventListener("change", keepOnInput, true);
  }

  /* ------------------------------------------------------------------ error summary */

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  /* ------------------------------------------------------------------ start */

  document.addEventListener("submit", forgetOnSubmit, true);
  restoreForms();
  focusErrorSummary();
  startSessionWarning();
})();
