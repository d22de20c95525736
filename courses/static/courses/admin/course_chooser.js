// The course filter of the attendance report: type part of a title, pick a course from
// the list the server finds (arrow keys and Enter, or a click). The chosen course's id
// goes in the hidden input the filter form submits; emptying the box clears it.
(function () {
  "use strict";

  function setUp(root) {
    var source = root.getAttribute("data-source");
    var hidden = root.querySelector("[data-chooser-value]");
    var text = root.querySelector("[data-chooser-text]");
    var list = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-chooser-status]");
    var timer = null;
    var active = -1;
    var asked = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      text.setAttribute("aria-expanded", "false");
      text.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      text.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function choose(item) {
      var changed = hidden.value !== item.getAttribute("data-id");
      hidden.value = item.getAttribute("data-id");
      text.value = item.textContent;
      close();
      // Wagtail's filter form refreshes the results when one of its inputs changes.
      if (changed) hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function show(data) {
      list.innerHTML = "";
      data.results.forEach(function (course, i) {
        var item = document.createElement("li");
        item.id = text.id + "-option-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("data-id", course.id);
        item.setAttribute("aria-selected", "false");
        item.textContent = course.title;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
          choose(item);
        });
        list.appendChild(item);
      });
      var found = data.results.length;
      list.hidden = !found;
      text.setAttribute("aria-expanded", found ? "true" : "false");
      status.textContent = found ? (data.more ? root.getAttribute("data-more") || "" : "") : root.getAttribute("data-none") || "";
    }

    function search() {
      var ticket = ++asked;
      var url = source + "?q=" + encodeURIComponent(text.value.trim());
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          if (ticket === asked) show(data); // an older answer arriving late is dropped
        })
        .catch(function () {
          close();
        });
    }

    text.addEventListener("input", function () {
      if (!text.value.trim() && hidden.value) {
        hidden.value = "";
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    text.addEventListener("focus", function () {
      if (!text.value.trim()) search();
    });
    text.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) search();
        else highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(options()[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    text.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  document.querySelectorAll("[data-course-chooser]").forEach(setUp);
})();
