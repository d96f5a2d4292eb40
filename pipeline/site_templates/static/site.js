// tdkt review site: filter the index, show a fact's fields, follow finding <-> fact links. No network.
(function () {
  function fold(s) {
    return (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  var box = document.getElementById("filter");
  if (box) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#docs tbody tr"));
    var keys = rows.map(function (r) { return fold(r.textContent); });
    var shown = document.getElementById("shown");
    var apply = function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean), n = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return keys[i].indexOf(w) >= 0; });
        r.hidden = !ok; if (ok) n++;
      });
      shown.textContent = n + " / " + rows.length + " tệp";
    };
    box.addEventListener("input", apply); apply();
  }
  var data = document.getElementById("facts-data");
  if (!data) return;
  var facts = JSON.parse(data.textContent), byId = {};
  facts.forEach(function (f) { byId[f.fact_id] = f; });
  var LABELS = [["metric_vn", "Chỉ tiêu"], ["metric", "Mã chỉ tiêu"], ["value", "Giá trị"], ["raw", "Viết trong văn bản"],
    ["unit", "Đơn vị"], ["of_total", "Trên tổng số"], ["stated_percent", "Tỷ lệ ghi kèm (%)"], ["award_vn", "Hình thức khen thưởng"],
    ["award", "Mã hình thức"], ["granter", "Cấp khen"], ["recipient_vn", "Đối tượng"], ["status_vn", "Trạng thái"],
    ["period", "Kỳ"], ["period_source", "Kỳ lấy từ"], ["scope", "Phạm vi"], ["subject", "Đơn vị được nói đến"], ["subject_level", "Cấp"],
    ["qualifier", "Phân loại"], ["label", "Nhãn / dòng bảng"], ["bound", "Giới hạn"], ["rule", "Quy tắc"],
    ["confidence", "Độ tin cậy"], ["note", "Ghi chú của bộ đọc số"], ["page", "Trang"], ["where", "Vị trí"],
    ["review", "Người duyệt"], ["fact_id", "Mã số liệu"]];
  var panel = document.getElementById("panel-fields"), empty = document.getElementById("panel-empty");
  var pf = document.getElementById("panel-findings");
  function show(id) {
    var f = byId[id]; if (!f) return;
    document.querySelectorAll("mark.fact.active").forEach(function (m) { m.classList.remove("active"); });
    document.querySelectorAll(".finding.active").forEach(function (m) { m.classList.remove("active"); });
    var m = document.getElementById("f-" + id);
    if (m) { m.classList.add("active"); }
    var body = panel.querySelector("tbody"); body.innerHTML = "";
    LABELS.forEach(function (p) {
      var v = f[p[0]]; if (v === null || v === undefined || v === "") return;
      var tr = document.createElement("tr"), a = document.createElement("td"), b = document.createElement("td");
      a.textContent = p[1]; b.textContent = v; b.className = "fv-" + p[0]; tr.appendChild(a); tr.appendChild(b); body.appendChild(tr);
    });
    var cmd = document.createElement("tr"), c1 = document.createElement("td"), c2 = document.createElement("td");
    c1.textContent = "Sửa / loại"; c2.innerHTML = "<code></code>";
    c2.firstChild.textContent = "tdkt review correct " + id + " --value … | tdkt review reject " + id;
    cmd.appendChild(c1); cmd.appendChild(c2); body.appendChild(cmd);
    panel.hidden = false; empty.hidden = true; panel.setAttribute("data-fact", id);
    pf.innerHTML = "";
    (f.findings || []).forEach(function (fid) {
      var a = document.createElement("a"); a.href = "#fd-" + fid; a.textContent = "→ phát hiện " + fid;
      a.className = "to-finding"; pf.appendChild(a); pf.appendChild(document.createElement("br"));
      var el = document.getElementById("fd-" + fid); if (el) el.classList.add("active");
    });
  }
  document.getElementById("text").addEventListener("click", function (e) {
    var m = e.target.closest("mark.fact"); if (m) { show(m.getAttribute("data-id")); }
  });
  document.querySelectorAll("a.fact-link").forEach(function (a) {
    a.addEventListener("click", function () { var id = a.getAttribute("data-fact"); if (byId[id]) show(id); });
  });
  function fromHash() {
    var h = location.hash; if (h.indexOf("#f-") !== 0) return;
    show(h.slice(3));
    var m = document.getElementById(h.slice(1)); if (m) m.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", fromHash); fromHash();
  var q = /[?&]fact=([^&]+)/.exec(location.search); if (q) show(decodeURIComponent(q[1]));
})();
