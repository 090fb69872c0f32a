/* Client-side search over window.THIDUA_SEARCH (search-index.js). No network. */
(function () {
  "use strict";
  function key(text) {
    return String(text).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  window.thiduaSearchKey = key;
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var index = window.THIDUA_SEARCH || [];
  if (!input || !list) { return; }
  var root = document.body.getAttribute("data-root") || "";
  function show() {
    var words = key(input.value).split(" ").filter(Boolean);
    list.textContent = "";
    if (!words.length) { return; }
    var found = index.filter(function (e) {
      return words.every(function (w) { return e.k.indexOf(w) !== -1; });
    }).slice(0, 20);
    if (!found.length) {
      var none = document.createElement("li");
      none.textContent = input.getAttribute("data-none") || "";
      list.appendChild(none);
      return;
    }
    found.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.u;
      a.textContent = e.t;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.c;
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", show);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { input.value = ""; show(); }
  });
}());
