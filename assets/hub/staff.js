// Optional: keeps the "on N of M screens" lines current after a change (the whole venue's at the
// top, each room's under its name). The pages work without it.
(function () {
  var line = document.getElementById("ack");
  if (!line || !window.fetch) return;
  var rooms = Array.prototype.slice.call(document.querySelectorAll(".room-ack"));
  var names = rooms.map(function (e) { return e.getAttribute("data-room"); }).join(",");
  var polls = 0;
  function show(element, ack) {
    element.textContent = ack.text;
    element.className = element.className.replace(/ ?done/g, "") + (ack.done ? " done" : "");
  }
  function poll() {
    fetch("/staff/ack?rooms=" + encodeURIComponent(names) + "&doc=" + encodeURIComponent(line.getAttribute("data-doc") || "live"), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (ack) {
        if (!ack) return;
        show(line, ack.all);
        var done = ack.all.done;
        rooms.forEach(function (e) {
          var room = ack.rooms[e.getAttribute("data-room")];
          if (room) { show(e, room); done = done && room.done; }
        });
        if (!done && ++polls < 60) setTimeout(poll, 500);
      }).catch(function () {});
  }
  poll();
})();
