// newsgraph web reader: an optional enhancement (every page works without it). Written for this project.
// On the article page, pointing at or focusing a marked passage shows what it is in the side panel.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var now = document.getElementById("panel-now");
  if (!text || !now) { return; }
  var shown = null;
  function show(el) {
    if (shown) { shown.classList.remove("focus"); }
    shown = el;
    if (!el) { return; }
    el.classList.add("focus");
    now.textContent = el.getAttribute("data-tip");  // textContent: the label is never parsed as HTML
  }
  function pick(event) {
    var el = event.target.closest ? event.target.closest("[data-tip]") : null;
    if (el && text.contains(el)) { show(el); }
  }
  text.addEventListener("mouseover", pick);
  text.addEventListener("click", pick);
  text.querySelectorAll("[data-tip]").forEach(function (el) { el.setAttribute("tabindex", "0"); });
  text.addEventListener("focusin", pick);
}());
