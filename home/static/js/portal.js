// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  // localStorage throws in some private modes and when storage is disabled.
  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      // The choice then lasts for this page only.
    }
  }

  // High contrast -----------------------------------------------------------
  var contrastKey = "portal:high-contrast";
  var contrastButton = document.querySelector(".contrast-toggle");

  function setContrast(on) {
    root.classList.toggle("high-contrast", on);
    if (contrastButton) {
      contrastButton.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  setContrast(load(contrastKey) === "1");
  if (contrastButton) {
    contrastButton.hidden = false;
    contrastButton.addEventListener("click", function () {
      var on = !root.classList.contains("high-contrast");
      setContrast(on);
      save(contrastKey, on ? "1" : "0");
    });
  }

  // Text size (A- A A+) -------------------------------------------------------
  var sizeKey = "portal:text-size";
  var minSize = -1;
  var maxSize = 3;

  function setSize(size) {
    size = Math.max(minSize, Math.min(maxSize, size));
    if (size === 0) {
      root.removeAttribute("data-reader-size");
    } else {
      root.setAttribute("data-reader-size", String(size));
    }
    return size;
  }

  var size = setSize(parseInt(load(sizeKey), 10) || 0);
  var steps = { smaller: -1, larger: 1 };
  document.querySelectorAll("[data-text-size]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-text-size");
      size = setSize(action === "reset" ? 0 : size + steps[action]);
      save(sizeKey, String(size));
    });
  });

  // Print ---------------------------------------------------------------------
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });

  document.querySelectorAll(".reader-tools").forEach(function (tools) {
    tools.hidden = false;
  });

  // Mobile menu ---------------------------------------------------------------
  var menuButton = document.querySelector(".menu-toggle");
  if (menuButton) {
    var menu = document.getElementById(menuButton.getAttribute("aria-controls"));

    var setOpen = function (open) {
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    };

    menuButton.hidden = false;
    menuButton.addEventListener("click", function () {
      setOpen(menuButton.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      var inMenu = menu && menu.contains(document.activeElement);
      if (event.key === "Escape" && menuButton.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        if (inMenu || document.activeElement === menuButton) {
          menuButton.focus();
        }
      }
    });
  }
})();
