// The check-in screen asks for the next code when the current one expires. Without this
// script the page reloads itself (a <noscript> refresh) and shows the same thing.
(function () {
  "use strict";
  var root = document.querySelector("[data-check-in]");
  if (!root) return;
  var codeUrl = root.getAttribute("data-code-url");
  var code = root.querySelector("[data-code]");
  var qr = root.querySelector("[data-qr]");
  var countdown = root.querySelector("[data-countdown]");
  var checkedIn = root.querySelector("[data-checked-in]");
  var left = parseInt(root.getAttribute("data-expires-in"), 10) || 60;
  var fullscreen = root.querySelector("[data-fullscreen]");
  if (fullscreen && document.fullscreenEnabled) {
    // The projector view: one press fills the screen (Esc leaves it).
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", function () {
      document.documentElement.requestFullscreen().catch(function () {});
    });
  }

  function refresh() {
    fetch(codeUrl, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        code.textContent = data.code;
        qr.innerHTML = data.svg;
        checkedIn.textContent = data.checked_in;
        left = data.expires_in;
        countdown.textContent = left;
      })
      .catch(function () {
        left = 5; // the network hiccuped: try again shortly
      });
  }

  window.setInterval(function () {
    left -= 1;
    if (left <= 0) {
      left = 60;
      refresh();
    } else {
      countdown.textContent = left;
    }
  }, 1000);
})();
