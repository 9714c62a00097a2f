// Optional: keeps the "on N of M screens" line current after a change. The pages work without it.
(function () {
  var line = document.getElementById("ack");
  if (!line || !window.fetch) return;
  var polls = 0;
  function poll() {
    fetch("/staff/ack", { credentials: "same-origin", cache: "no-store" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (ack) {
      if (!ack) return;
      line.textContent = ack.text;
      line.className = ack.done ? "ack done" : "ack";
      if (!ack.done && ++polls < 60) setTimeout(poll, 500);
    }).catch(function () {});
  }
  poll();
})();
