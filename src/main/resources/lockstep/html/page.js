// lockstep swimlane page: arrows from a step to the lanes it woke; the side panel.
(function () {
  "use strict";
  var scroll = document.getElementById("scroll");
  var svg = document.getElementById("arrows");
  var NS = "http://www.w3.org/2000/svg";

  // One arrow per wake: from the box of the lane that ran to the mark in the woken lane, same row.
  function drawArrows() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var table = document.getElementById("lanes");
    svg.setAttribute("width", table.offsetWidth);
    svg.setAttribute("height", table.offsetHeight);
    var defs = document.createElementNS(NS, "defs");
    defs.innerHTML = '<marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      '<path d="M0,0 L10,5 L0,10 z" fill="#0b5cab"/></marker>';
    svg.appendChild(defs);
    var base = scroll.getBoundingClientRect();
    var wakes = document.querySelectorAll("tr .wake[data-to]");
    for (var i = 0; i < wakes.length; i++) {
      var w = wakes[i];
      var row = w.closest("tr");
      var box = w.closest(".box");
      var mark = row.querySelector('.woken[data-lane="' + w.getAttribute("data-to") + '"]');
      if (!mark || !box) continue;
      var a = box.getBoundingClientRect(), b = mark.getBoundingClientRect();
      var y1 = w.getBoundingClientRect().top + 7 - base.top + scroll.scrollTop;
      var y2 = b.top + b.height / 2 - base.top + scroll.scrollTop;
      var right = b.left > a.right;
      var x1 = (right ? a.right : a.left) - base.left + scroll.scrollLeft;
      var x2 = (right ? b.left : b.right) - base.left + scroll.scrollLeft;
      var p = document.createElementNS(NS, "path");
      var mid = (x1 + x2) / 2;
      p.setAttribute("d", "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2);
      p.setAttribute("class", "arrow");
      p.setAttribute("fill", "none");
      p.setAttribute("stroke", "#0b5cab");
      p.setAttribute("stroke-width", "1.6");
      p.setAttribute("marker-end", "url(#head)");
      svg.appendChild(p);
    }
  }

  // The side panel: the hovered row's whole step, or the clicked (pinned) one.
  var panel = document.getElementById("detail");
  var pinned = null;
  function show(tr) {
    var d = document.getElementById("detail-" + tr.getAttribute("data-row"));
    if (d) panel.innerHTML = d.innerHTML;
  }
  var rows = document.querySelectorAll("tr[data-row]");
  for (var i = 0; i < rows.length; i++) {
    rows[i].addEventListener("mouseenter", function () { if (!pinned) show(this); });
    rows[i].addEventListener("click", function () {
      if (pinned) pinned.classList.remove("selected");
      pinned = pinned === this ? null : this;
      if (pinned) { pinned.classList.add("selected"); show(pinned); }
    });
  }
  var first = document.querySelector("tr.violation") || rows[0];
  if (first) show(first);

  drawArrows();
  window.addEventListener("resize", drawArrows);
  document.body.setAttribute("data-arrows", String(svg.querySelectorAll("path.arrow").length));
})();
