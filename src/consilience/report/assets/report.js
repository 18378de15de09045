/* consilience report: claim filters and citation jumps. No network, no eval, no innerHTML. */
(function () {
  "use strict";

  function openAncestors(el) {
    for (var node = el.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) node.open = true;
    }
  }

  // Show the element a fragment names: open the <details> it is in, mark every piece of the
  // passage as current, give it focus and scroll it to the middle of the window.
  function reveal(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    openAncestors(el);
    var previous = document.querySelectorAll(".current");
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove("current");
    var ref = el.getAttribute("data-ref");
    var pieces = ref ? document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]') : [el];
    for (var j = 0; j < pieces.length; j++) pieces[j].classList.add("current");
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
  }

  function fromHash() {
    var h = location.hash.slice(1);
    try { h = decodeURIComponent(h); } catch (e) { return; }
    reveal(h);
  }

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    // Following the link that is already the fragment fires no hashchange: reveal it again.
    if (a && a.getAttribute("href") === location.hash) reveal(location.hash.slice(1));
  });

  function applyFilter(bar, value) {
    var list = document.getElementById(bar.getAttribute("data-for"));
    if (!list) return;
    var items = list.querySelectorAll("li.claim");
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var visible = value === "all" || items[i].getAttribute("data-status") === value;
      items[i].hidden = !visible;
      if (visible) shown++;
    }
    var buttons = bar.querySelectorAll("button[data-filter]");
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].setAttribute("aria-pressed",
        String(buttons[j].getAttribute("data-filter") === value));
    }
    var status = document.getElementById(bar.getAttribute("data-for") + "-shown");
    if (status) status.textContent = shown + " of " + items.length + " claims shown";
  }

  var bars = document.querySelectorAll(".filters[data-for]");
  for (var b = 0; b < bars.length; b++) {
    bars[b].addEventListener("click", function (ev) {
      var button = ev.target.closest("button[data-filter]");
      if (button) applyFilter(this, button.getAttribute("data-filter"));
    });
  }

  document.documentElement.classList.add("js");
  if (location.hash) fromHash();
})();
