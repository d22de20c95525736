/* Concord: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 60em)");
  var FOCUS_KEY = "concord:refocus";

  /* Collapsible panels (filters, module list) are open on wide screens, folded on narrow ones.
     CSS already shows them on wide screens; opening them here covers older browsers. */
  function syncCollapsibles() {
    document.querySelectorAll("details[data-collapsible]").forEach(function (details) {
      if (WIDE.matches) {
        details.open = true;
      } else if (!details.hasAttribute("data-user-opened")) {
        details.open = false;
      }
    });
  }

  function initCollapsibles() {
    document.querySelectorAll("details[data-collapsible]").forEach(function (details) {
      var summary = details.querySelector("summary");
      if (summary) {
        summary.addEventListener("click", function () {
          details.setAttribute("data-user-opened", "");
        });
      }
    });
    syncCollapsibles();
    if (WIDE.addEventListener) {
      WIDE.addEventListener("change", syncCollapsibles);
    }
  }

  /* Catalogue filters: ticking a box submits the form (the Apply button stays for keyboard
     users who prefer it). Focus returns to the same box after the page reloads. */
  function initAutosubmit() {
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.querySelectorAll("[data-autosubmit-note]").forEach(function (note) {
        note.hidden = false;
      });
      /* An empty search box adds nothing to the address. */
      form.addEventListener("formdata", function (event) {
        if (event.formData.get("q") === "") {
          event.formData.delete("q");
        }
      });
      form.addEventListener("change", function (event) {
        var target = event.target;
        if (!target || target.type !== "checkbox") {
          return;
        }
        try {
          window.sessionStorage.setItem(FOCUS_KEY, target.id);
        } catch (error) {
          /* Storage may be disabled: focus simply starts at the top. */
        }
        if (form.requestSubmit) {
          form.requestSubmit();
        } else {
          form.submit();
        }
      });
    });
  }

  function restoreFocus() {
    var id;
    try {
      id = window.sessionStorage.getItem(FOCUS_KEY);
      window.sessionStorage.removeItem(FOCUS_KEY);
    } catch (error) {
      return;
    }
    if (!id) {
      return;
    }
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var details = element.closest("details");
    if (details) {
      details.open = true;
      details.setAttribute("data-user-opened", "");
    }
    element.focus({ preventScroll: false });
  }

  function init() {
    initCollapsibles();
    initAutosubmit();
    restoreFocus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
