// nota serve: the editor's behaviour. Plain JavaScript, no build step, no outside files.
// SPDX-License-Identifier: EUPL-1.2
"use strict";
const token = document.querySelector('meta[name="nota-token"]').content;

async function post(url, data) {
  const r = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json", "X-Nota-Token": token},
                              body: JSON.stringify(data)});
  const text = await r.text();
  try { return JSON.parse(text); } catch (e) { return {gelukt: false, fout: [text || ("fout " + r.status)]}; }
}

function say(text) { const m = document.getElementById("melding"); if (m) m.textContent = text; }

// The form as a tree: every element with data-t is a value; data-k is its key in an object.
function nodes(el) {
  const out = [];
  for (const c of el.children) {
    if (c.tagName === "TEMPLATE") continue;
    if (c.dataset.t) out.push(c); else out.push(...nodes(c));
  }
  return out;
}
function value(el, pad) {
  el.dataset.pad = JSON.stringify(pad);
  const t = el.dataset.t;
  if (t === "obj") {
    const o = {};
    for (const c of nodes(el)) {
      const k = c.dataset.k;
      if (c.dataset.i !== undefined) { (o[k] = Array.isArray(o[k]) ? o[k] : [])[+c.dataset.i] = value(c, pad.concat([k, +c.dataset.i])); }
      else o[k] = value(c, pad.concat([k]));
    }
    return o;
  }
  if (t === "list") return nodes(el).map((c, i) => value(c, pad.concat([i])));
  if (t === "sectie") {
    const inner = nodes(el).find((c) => !c.hasAttribute("data-nvt"));
    const nvt = el.querySelector("[data-nvt]");
    inner.dataset.pad = JSON.stringify(pad);
    return nvt && nvt.checked ? "nvt" : value(inner, pad);
  }
  if (t === "null") return null;
  if (t === "bool") return el.checked;
  if (t === "vlag") return el.checked ? true : null;  // a switch the YAML does not have: unticked, it stays out
  const v = el.value;
  if (t === "datum") return v ? {"$datum": v} : "";
  if (t === "getal" || t === "kolom") return /^-?\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : v;
  if (t === "bedrag") { const s = v.trim(); return s === "" ? "" : (/^-?\d{1,15}$/.test(s) ? Number(s) : s); }
  return v;
}

function editor() {
  const root = document.getElementById("editor");
  if (!root) return;
  const id = root.dataset.id, base = "/bewerk/" + id;
  const form = document.getElementById("formulier");
  const frame = document.getElementById("document");
  let version = null, timer = null;
  if (form) form.addEventListener("submit", (e) => e.preventDefault());  // no inline handler: CSP

  function show(s) {
    document.getElementById("stand").textContent = s.tekst + (s.gewijzigd ? " (niet opgeslagen)" : "");
    for (const a of [document.getElementById("pdf"), document.getElementById("docx")]) a.setAttribute("aria-disabled", String(!s.ok));
    const list = document.getElementById("problemen");
    list.replaceChildren(...s.problemen.map((p) => {
      const li = document.createElement("li");
      li.className = p.niveau;
      const target = p.pad && document.querySelector(`[data-pad='${JSON.stringify(p.pad)}']`);
      if (target) {
        const a = document.createElement("a");
        a.href = "#"; a.textContent = p.tekst;
        a.addEventListener("click", (e) => { e.preventDefault(); focusField(target); });
        li.append(a);
      } else li.textContent = p.tekst;
      return li;
    }));
    if (!s.problemen.length) { const li = document.createElement("li"); li.textContent = "Geen problemen gevonden."; list.append(li); }
    for (const [pad, t] of Object.entries(s.totalen)) totals(pad, t);
    const yaml = document.getElementById("yaml");
    if (document.activeElement !== yaml) yaml.value = s.yaml;
    if (version !== null && s.versie !== version) frame.contentWindow.location.replace(base + "/document");
    version = s.versie;
  }
  function focusField(el) {
    const f = el.matches("input,select,textarea") ? el : el.querySelector("input,select,textarea");
    if (f) { f.focus(); f.scrollIntoView({block: "center"}); }
  }
  function totals(pad, t) {
    const table = document.querySelector(`[data-pad='${pad}']`);
    if (!table) return;
    const rows = table.querySelectorAll("tbody > tr.item");
    rows.forEach((tr, i) => tr.querySelectorAll("output.berekend[data-kolom]").forEach((o) => { o.value = (t.rijen[i] || [])[+o.dataset.kolom] || ""; }));
    table.querySelectorAll("tfoot output.totaal").forEach((o) => { o.value = t.totaal[+o.dataset.kolom] || ""; });
    const sums = t.rijtotalen || [];
    rows.forEach((tr, i) => tr.querySelectorAll("output.rijtotaal").forEach((o) => { o.value = sums[i] || ""; }));
    table.querySelectorAll("tfoot output.rijtotaal").forEach((o) => { o.value = sums[sums.length - 1] || ""; });
  }
  let queue = Promise.resolve();
  function send() {  // one at a time, in order: the server sees every state as it was typed
    queue = queue.then(async () => {
      const s = await post(base + "/formulier", {formulier: value(form.firstElementChild, [])});
      if (s.gelukt) show(s); else say(s.fout.join("\n"));
    });
    return queue;
  }
  function changed() { clearTimeout(timer); timer = setTimeout(send, 250); }

  if (form) {
    value(form.firstElementChild, []);
    form.addEventListener("input", (e) => {
      if (e.target.dataset.t === "kolom") relabel(e.target.closest("fieldset.tabel"));
      changed();
    });
    form.addEventListener("change", (e) => {
      if (e.target.hasAttribute("data-nvt")) nvt(e.target);
      if (e.target.classList.contains("rijtotaal-aan")) rowTotals(e.target);
      changed();
    });
    form.addEventListener("click", (e) => listButton(e.target, changed));
    form.querySelectorAll("[data-nvt]").forEach(nvt);
  }
  const box = document.getElementById("opslagmelding");
  function offerReload(text) {
    box.textContent = text + " ";
    const again = document.createElement("button");
    again.type = "button"; again.textContent = "Opnieuw laden";
    again.addEventListener("click", async () => { await post(base + "/herladen", {}); location.reload(); });
    box.append(again);
  }
  const save = document.getElementById("opslaan");
  if (save) save.addEventListener("click", async () => {
    clearTimeout(timer);
    if (form) await send();
    const s = await post(base + "/opslaan", {});
    box.replaceChildren();
    if (s.gelukt) { show(s); box.textContent = "Opgeslagen."; return; }
    offerReload(s.fout.join("\n"));
  });
  new EventSource(base + "/gebeurtenissen").onmessage = (e) => {
    const d = JSON.parse(e.data);
    if (d.op_schijf_gewijzigd) offerReload("Het bestand is buiten de editor gewijzigd (in een andere editor of door git); Opslaan zou dat overschrijven en wordt geweigerd.");
    else if (box.querySelector("button")) box.replaceChildren();
  };
  const apply = document.getElementById("yaml-toepassen");
  if (apply) apply.addEventListener("click", async () => {
    const s = await post(base + "/yaml", {tekst: document.getElementById("yaml").value});
    if (!s.gelukt) { say(s.fout.join("\n")); return; }
    if (form && s.problemen.every((p) => p.pad)) { location.reload(); return; }
    show(s);
  });
  tabs();
  show(JSON.parse(root.dataset.stand));
}

function nvt(box) {
  const sectie = box.closest("[data-t=sectie]");
  for (const el of sectie.querySelectorAll("input,textarea,select,button")) if (el !== box) el.disabled = box.checked || box.disabled;
}

function listButton(b, changed) {
  if (b.tagName !== "BUTTON") return;
  const item = b.closest(".item");
  if (b.classList.contains("verwijder")) { const next = item.nextElementSibling || item.previousElementSibling; item.remove(); if (next) next.querySelector("input,textarea,select,button").focus(); }
  else if (b.classList.contains("omhoog") && item.previousElementSibling) { item.previousElementSibling.before(item); b.focus(); }
  else if (b.classList.contains("omlaag") && item.nextElementSibling) { item.nextElementSibling.after(item); b.focus(); }
  else if (b.classList.contains("toevoegen") || b.classList.contains("tabel-toevoegen")) {
    const box = b.closest("fieldset");
    const list = box.querySelector(":scope > [data-t=list]");
    const tpl = box.querySelector(":scope > template");
    add(list, tpl, b.classList.contains("tabel-toevoegen"));
  } else if (b.classList.contains("regel-toevoegen") || b.classList.contains("subtotaal-toevoegen")) {
    const box = b.closest("fieldset.tabel");
    add(box.querySelector("tbody"), box.querySelector(b.classList.contains("regel-toevoegen") ? "template.nieuwe-post" : "template.nieuw-subtotaal"));
  } else if (b.classList.contains("kolom-toevoegen")) addColumn(b.closest("fieldset.tabel"));
  else if (b.classList.contains("kolom-verwijderen")) {
    if (!removeColumn(b.closest("fieldset.tabel"), +b.closest("th").dataset.kolom)) return;
  } else return;
  changed();
}

function add(list, tpl, table) {
  const frag = tpl.content.cloneNode(true);
  if (table) {
    const li = frag.querySelector("li");
    li.firstElementChild.replaceWith(newTable());
  }
  const first = frag.querySelector("input,textarea,select");
  list.append(frag);
  if (first) first.focus();
}

// Year columns: every cell of column i, in the head, the rows, the foot and the new-row
// templates, carries data-kolom=i; its inputs data-i=i (their place in `kolommen`, `bedrag`, `totaal`).
function columnRows(box) {
  const rows = [...box.querySelectorAll("table.raster tr")];
  for (const tpl of box.querySelectorAll(":scope > template")) rows.push(...tpl.content.querySelectorAll("tr"));
  return rows;
}
function renumber(cell, i) {
  cell.dataset.kolom = i;
  cell.querySelectorAll("[data-kolom]").forEach((o) => { o.dataset.kolom = i; });
  cell.querySelectorAll("input[data-k]").forEach((el) => { el.dataset.i = i; });
}
function addColumn(box) {
  const heads = box.querySelectorAll("thead th[data-kolom] input");
  const n = heads.length, last = heads[n - 1].value.trim();
  for (const tr of columnRows(box)) {
    const cells = tr.querySelectorAll(":scope > [data-kolom]");
    if (!cells.length) continue;
    const cell = cells[cells.length - 1], copy = cell.cloneNode(true);
    renumber(cell, n - 1);  // one amount becomes a list of amounts
    renumber(copy, n);
    copy.querySelectorAll("input").forEach((el) => { el.value = ""; });
    copy.querySelectorAll("output").forEach((o) => { o.value = ""; });
    cell.after(copy);
  }
  const head = box.querySelector(`thead th[data-kolom="${n}"] input`);
  head.value = /^\d{1,6}$/.test(last) ? String(+last + 1) : "";
  relabel(box);
  head.focus();
}
function removeColumn(box, j) {
  const n = box.querySelectorAll("thead th[data-kolom]").length;
  if (n <= 1) { say("Een tabel houdt ten minste één kolom."); return false; }
  for (const tr of columnRows(box)) for (const cell of tr.querySelectorAll(":scope > [data-kolom]")) {
    const k = +cell.dataset.kolom;
    if (k === j) cell.remove(); else if (k > j) renumber(cell, k - 1);
  }
  relabel(box);
  box.querySelector(`thead th[data-kolom="${Math.min(j, n - 2)}"] button`).focus();
  say("Kolom verwijderd.");
  return true;
}
function relabel(box) {  // every cell's name says its column, also after a column is renamed
  const names = [...box.querySelectorAll("thead th[data-kolom] input")].map((el, i) => el.value.trim() || "kolom " + (i + 1));
  for (const tr of columnRows(box)) for (const cell of tr.querySelectorAll(":scope > [data-kolom]")) {
    const i = +cell.dataset.kolom, k = names[i];
    for (const el of cell.querySelectorAll("[aria-label]")) {
      const d = el.dataset;
      el.setAttribute("aria-label", d.t === "kolom" ? "Kolom " + (i + 1) : el.tagName === "BUTTON" ? "Kolom verwijderen: " + k
        : d.k === "bedrag" ? k : d.k === "totaal" ? "Vermeld totaal " + k
        : el.classList.contains("totaal") ? "Berekend totaal " + k : "Subtotaal " + k);
    }
  }
}
function rowTotals(box) {
  const table = box.closest("fieldset.tabel");
  const cells = [...table.querySelectorAll("th.rijtotaal, td.rijtotaal")];
  for (const tpl of table.querySelectorAll(":scope > template")) cells.push(...tpl.content.querySelectorAll("td.rijtotaal"));
  for (const c of cells) c.hidden = !box.checked;
}

let copies = 0;
function newTable() {
  const t = document.querySelector("fieldset.tabel");
  if (!t) { const p = document.createElement("p"); p.textContent = "Voeg een tabel toe op het tabblad YAML."; return p; }
  const c = t.cloneNode(true);
  c.querySelectorAll("tbody > tr.item").forEach((tr, i) => { if (i) tr.remove(); });
  c.querySelectorAll("input:not([type=hidden])").forEach((i) => { i.value = ""; });
  c.querySelectorAll("output").forEach((o) => { o.value = ""; });
  copies += 1;
  c.querySelectorAll("[id]").forEach((el) => { el.id += "-" + copies; });
  c.querySelectorAll("label[for]").forEach((l) => { l.htmlFor += "-" + copies; });
  return c;
}

function tabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  function pick(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on)); t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    }
    tab.focus();
  }
  if (!document.getElementById("formulier") && tabs.length) {  // YAML that cannot be read: show it
    const yaml = tabs.find((t) => t.id === "tab-yaml");
    for (const t of tabs) {
      t.setAttribute("aria-selected", String(t === yaml)); t.tabIndex = t === yaml ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = t !== yaml;
    }
  }
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => pick(t));
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") pick(tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length]);
    });
  });
}

async function overview() {
  const body = document.getElementById("overzicht");
  if (!body || !body.querySelector("[data-wacht]")) return;
  await new Promise((r) => setTimeout(r, 1000));
  const entries = await (await fetch("/overzicht")).json();
  for (const e of entries) {
    const tr = [...body.rows].find((r) => r.dataset.naam === e.naam);
    if (!tr) continue;
    tr.querySelector(".onderwerp").textContent = e.onderwerp;
    for (const k of ["soort", "kenmerk", "datum", "status"]) tr.querySelector("." + k).textContent = e[k];
    const p = tr.querySelector(".problemen");
    if (e.problemen === null) continue;
    p.removeAttribute("data-wacht"); p.textContent = e.problemen; p.classList.toggle("fout", e.problemen > 0);
  }
  overview();
}

function others() {
  const nieuw = document.getElementById("nieuw");
  if (nieuw) nieuw.addEventListener("submit", async (e) => {
    e.preventDefault();
    const d = Object.fromEntries(new FormData(nieuw));
    const s = await post("/nieuw", d);
    if (s.gelukt) location.href = s.adres; else say(s.fout.join("\n"));
  });
  const publiceren = document.getElementById("publiceren");
  if (publiceren) publiceren.addEventListener("click", async () => {
    publiceren.disabled = true;
    say("Bezig met publiceren ...");
    const s = await post("/secretariaat/publiceer", {});
    publiceren.disabled = false;
    say(s.gelukt ? [s.samenvatting, ...s.overgeslagen.map((o) => "Overgeslagen: " + o)].join("\n") : s.fout.join("\n"));
  });
  for (const f of document.querySelectorAll("form.besluit")) f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const d = Object.fromEntries(new FormData(f));
    const s = await post("/secretariaat/besluit", {...d, naam: f.dataset.naam, datum: f.dataset.datum, orgaan: f.dataset.orgaan});
    if (s.gelukt) { say("Besluit vastgelegd: " + s.besluit); location.reload(); } else say(s.fout.join("\n"));
  });
}

document.addEventListener("DOMContentLoaded", () => { editor(); others(); overview(); });
