// Review pages: keyboard shortcuts, evidence highlighting, clickable queue rows.
// Plain JavaScript, no dependencies; every action also works without it (without it the
// evidence boxes stay hidden rather than misplaced).
(function () {
  "use strict";

  // ---- layout from data attributes: the Content-Security-Policy allows no inline styles,
  // so sizes and positions computed on the server are applied here (CSSOM is allowed).
  document.querySelectorAll("[data-aspect]").forEach((el) => { el.style.aspectRatio = el.dataset.aspect; });
  document.querySelectorAll("[data-fill]").forEach((el) => { el.style.width = el.dataset.fill + "%"; });
  document.querySelectorAll("[data-place]").forEach((el) => {
    const [left, top, width, height] = el.dataset.place.split(" ");
    Object.assign(el.style, { left: left + "%", top: top + "%", width: width + "%", height: height + "%" });
    el.classList.add("placed");
  });

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const help = document.getElementById("help");

  function showHelp() { if (help && !help.open) help.showModal(); }
  document.querySelectorAll("[data-open-help]").forEach((b) => b.addEventListener("click", showHelp));

  // ---- evidence: highlight the boxes of an exception / field and scroll the PDF to them
  const viewer = document.getElementById("viewer");
  function highlight(ids, scroll) {
    document.querySelectorAll(".box.active").forEach((b) => b.classList.remove("active"));
    const boxes = ids.split(/\s+/).filter(Boolean).map((id) => document.getElementById("box-" + id)).filter(Boolean);
    boxes.forEach((b) => b.classList.add("active"));
    if (boxes.length && viewer && scroll !== false) {
      const first = boxes[0];
      const page = first.closest(".page");
      const top = page.offsetTop + first.offsetTop - viewer.clientHeight / 3;
      viewer.scrollTo({ top: Math.max(0, top), behavior: scroll === "instant" ? "auto" : "smooth" });
    }
    return boxes.length;
  }
  const exceptions = Array.from(document.querySelectorAll("[data-exception]"));
  function selectException(index, scroll) {
    if (!exceptions.length) return;
    index = (index + exceptions.length) % exceptions.length;
    exceptions.forEach((e, i) => e.classList.toggle("current", i === index));
    highlight(exceptions[index].dataset.boxes || "", scroll);
  }
  exceptions.forEach((button, i) => button.addEventListener("click", () => selectException(i)));
  document.querySelectorAll("tr[data-boxes], [data-show-boxes]").forEach((el) => {
    const ids = el.dataset.boxes || el.dataset.showBoxes;
    el.addEventListener("click", () => highlight(ids));
    el.addEventListener("keydown", (ev) => { if (ev.key === "Enter") highlight(ids); });
  });
  // On load: the top exception that has a box is highlighted and scrolled into view.
  const firstWithBox = exceptions.findIndex((e) => (e.dataset.boxes || "").trim());
  if (firstWithBox >= 0) {
    const run = () => selectException(firstWithBox, "instant");
    const img = document.querySelector("#viewer img");
    if (img && !img.complete) img.addEventListener("load", run, { once: true });
    run();
  }

  // ---- decision panels
  const panels = Array.from(document.querySelectorAll(".decision-panel"));
  function openPanel(id) {
    const panel = document.getElementById(id);
    if (!panel) return;
    panels.forEach((p) => { if (p !== panel) p.open = false; });
    panel.open = true;
    const focus = panel.querySelector("input[type=radio], input:not([type=hidden]), textarea");
    if (focus) focus.focus();
    panel.scrollIntoView({ block: "nearest" });
  }
  document.querySelectorAll("[data-panel]").forEach((b) => b.addEventListener("click", () => openPanel(b.dataset.panel)));
  document.querySelectorAll("[data-close-panel]").forEach((b) => b.addEventListener("click", () => { b.closest("details").open = false; }));
  panels.forEach((panel) => panel.addEventListener("keydown", (ev) => {
    const radio = panel.querySelector(`[data-reason-key="${ev.key}"]`);
    if (radio && ev.target.tagName !== "TEXTAREA" && ev.target.type !== "text" && !ev.target.name?.startsWith("field:")) {
      radio.checked = true; radio.focus(); ev.preventDefault();
    } else if (ev.key === "Enter" && ev.target.type === "radio") {
      ev.preventDefault();
      const save = panel.querySelector("button.primary, button.danger");
      if (save) save.click();
    }
  }));

  // ---- queue rows: click anywhere, j/k to move, Enter/o to open
  const rows = Array.from(document.querySelectorAll("[data-queue] tbody tr"));
  let selected = rows.length ? 0 : -1;
  function selectRow(i) {
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, k) => r.classList.toggle("selected", k === selected));
    rows[selected].scrollIntoView({ block: "nearest" });
  }
  rows.forEach((row, i) => row.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return;
    selectRow(i); window.location = row.dataset.href;
  }));
  if (rows.length) selectRow(0);

  // ---- global keys
  const order = document.querySelector("[data-order]");
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      panels.forEach((p) => { p.open = false; });
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (ev.target.type === "radio" && /^[0-9]$/.test(ev.key)) return;
    const go = (href) => { if (href) window.location = href; };
    switch (ev.key) {
      case "?": showHelp(); break;
      case "g": go("/review"); break;
      case "j":
        if (rows.length) selectRow(selected + 1);
        else if (order) go(order.dataset.next ? "/review/orders/" + order.dataset.next : "/review");
        break;
      case "k":
        if (rows.length) selectRow(selected - 1);
        else if (order && order.dataset.previous) go("/review/orders/" + order.dataset.previous);
        break;
      case "Enter": case "o": if (ev.target.closest("a, button")) return; if (rows.length && selected >= 0) go(rows[selected].dataset.href); else return; break;
      case "n": selectException(exceptions.findIndex((e) => e.classList.contains("current")) + 1); break;
      case "p": selectException(exceptions.findIndex((e) => e.classList.contains("current")) - 1); break;
      case "a": if (order && order.dataset.readOnly === "false") openPanel("approve-panel"); else return; break;
      case "r": if (order && order.dataset.readOnly === "false") openPanel("reject-panel"); else return; break;
      case "e": if (order && order.dataset.readOnly === "false") openPanel("correct-panel"); else return; break;
      default: return;
    }
    ev.preventDefault();
  });
})();
