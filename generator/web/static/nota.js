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
  if (t === "list") {
    const items = nodes(el).map((c, i) => value(c, pad.concat([i])));
    if (!el.hasAttribute("data-enkel")) return items;  // a section that was one text stays one text
    return items.length === 0 ? "" : (items.length === 1 && typeof items[0] === "string" ? items[0] : items);
  }
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
  if (t === "datum") return el.validity && el.validity.badInput ? {"$datum": null} : (v ? {"$datum": v} : "");
  if (t === "getal" || t === "kolom") return /^-?\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : v;
  if (t === "bedrag") { const s = v.trim(); return s === "" ? "" : (/^-?\d{1,15}$/.test(s) ? Number(s) : s); }
  return v;
}

function editor() {
  const root = document.getElementById("editor");
  if (!root) return;
  const id = root.dataset.id, base = "/bewerk/" + id, store = "nota-concept:" + root.dataset.naam;
  const form = document.getElementById("formulier");
  const frame = document.getElementById("document");
  const box = document.getElementById("opslagmelding");
  let version = null, timer = null, state = JSON.parse(root.dataset.stand), pending = false;
  if (form) form.addEventListener("submit", (e) => e.preventDefault());  // no inline handler: CSP

  function show(s) {
    state = s;
    document.getElementById("stand").textContent = s.tekst + (s.gewijzigd ? " (niet opgeslagen)" : "");
    for (const a of [document.getElementById("pdf"), document.getElementById("docx")]) a.setAttribute("aria-disabled", String(!s.downloadbaar));
    fieldErrors(s.problemen);
    for (const [pad, t] of Object.entries(s.totalen)) totals(pad, t);
    const yaml = document.getElementById("yaml");
    if (document.activeElement !== yaml) yaml.value = s.yaml;
    if (version !== null && s.versie !== version) frame.contentWindow.location.replace(base + "/document" + at(s.versie));
    version = s.versie;
  }
  let lastPad = null;  // the field last edited: the new preview opens at its part of the document
  function at(versie) {  // a fragment the sandboxed document scrolls to by itself (it runs no script)
    const p = lastPad;
    if (!p || !p.length) return "";
    const part = p[0] === "secties" && p.length > 1 ? "sectie-" + p[1]
      : p[0] === "vragen" && typeof p[1] === "number" ? "vraag-" + (p[1] + 1) : String(p[0]);
    return "?v=" + encodeURIComponent(versie) + "#" + encodeURIComponent(part);
  }
  function padOf(el) {
    const holder = el && el.closest ? el.closest("[data-pad]") : null;
    try { return holder ? JSON.parse(holder.dataset.pad) : null; } catch (e) { return null; }
  }
  function fieldErrors(problemen) {  // red, aria-invalid, the message under the field, a summary on top
    for (const el of document.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const p of document.querySelectorAll(".veldfout")) p.textContent = "";
    const list = document.getElementById("problemen"), summary = document.getElementById("samenvatting");
    const items = problemen.map((p) => {
      const li = document.createElement("li");
      li.className = p.niveau;
      const target = p.pad && control(document.querySelector(`[data-pad='${JSON.stringify(p.pad)}']`));
      if (target) {
        if (p.niveau === "fout") target.setAttribute("aria-invalid", "true");
        const here = document.getElementById(target.id + "-fout");
        if (here) here.textContent = (here.textContent ? here.textContent + " " : "") + p.tekst;
        const a = document.createElement("a");
        a.href = "#" + target.id; a.textContent = label(target) + ": " + p.tekst;
        a.addEventListener("click", (e) => { e.preventDefault(); focusField(target); });
        li.append(a);
      } else li.textContent = p.tekst;
      return li;
    });
    list.replaceChildren(...items.map((li) => li.cloneNode(true)));
    list.querySelectorAll("a").forEach((a, i) => a.addEventListener("click", (e) => { e.preventDefault(); items[i].querySelector("a").click(); }));
    if (!items.length) { const li = document.createElement("li"); li.textContent = "Geen problemen gevonden."; list.append(li); }
    const errors = problemen.filter((p) => p.niveau === "fout").length;
    summary.hidden = !errors;
    if (errors) {
      const h = document.createElement("p");
      h.textContent = errors === 1 ? "Er is 1 fout; het concept is wel te lezen en te downloaden." : `Er zijn ${errors} fouten; het concept is wel te lezen en te downloaden.`;
      const ul = document.createElement("ul"); ul.append(...items.filter((li) => li.className === "fout"));
      summary.replaceChildren(h, ul);
    }
  }
  function control(el) {
    if (!el) return null;
    return el.matches("input,select,textarea") ? el : el.querySelector("input:not([type=hidden]),select,textarea");
  }
  function label(el) {
    const l = el.labels && el.labels[0];
    return (l ? l.textContent : el.getAttribute("aria-label") || "").trim();
  }
  function focusField(el) {
    const f = control(el);
    if (f) { f.focus(); f.scrollIntoView({block: "center"}); }
  }
  function focusFirstError() {
    const first = document.querySelector("#formulier [aria-invalid=true]");
    const link = document.querySelector("#samenvatting a");
    if (first) focusField(first); else if (link) link.focus();
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
  let sent = null;  // the form as this page last sent it: only what changed since goes, with what it was
  function send() {  // one at a time, in order: the server sees every state as it was typed
    clearTimeout(timer);
    pending = false;
    queue = queue.then(async () => {
      const tree = value(form.firstElementChild, []);
      const diff = changes(sent, tree);
      if (diff === undefined) return;
      inflight++;
      let s;
      try { s = await post(base + "/formulier", {formulier: diff, basis: sent}); } finally { inflight--; }
      sent = tree;
      if (!s.gelukt) { say(s.fout.join("\n")); return; }
      show(s); keep(tree, s);
      if (s.conflicten) fieldConflicts(s.conflicten);
    });
    return queue;
  }
  function fieldConflicts(list) {  // another tab or person changed the same field meanwhile
    box.replaceChildren();
    conflicts(list, async (voorkeur) => {
      if (voorkeur === "ander") { unloading = true; location.reload(); return; }
      const formulier = {}, basis = {};
      for (const c of list) { setPath(formulier, c.pad, pathOf(sent, c.pad)); setPath(basis, c.pad, c.ander_waarde); }
      const s = await post(base + "/formulier", {formulier, basis});
      box.replaceChildren();
      if (s.gelukt) { show(s); box.textContent = "Uw tekst staat er weer; sla op met Opslaan (Ctrl+S)."; }
    }, "Iemand anders heeft hetzelfde veld intussen ook gewijzigd; kies welke tekst blijft.");
  }
  function keep(tree, s) {  // the browser's own copy of unsaved work, for a reload or a crash
    try {
      if (s.gewijzigd) localStorage.setItem(store, JSON.stringify({formulier: tree, eerst: initial, basis: s.basis, tijd: Date.now()}));
      else localStorage.removeItem(store);
    } catch (e) { /* private mode: the server's draft still holds it */ }
  }
  function changed() { pending = true; clearTimeout(timer); timer = setTimeout(send, 250); }

  const initial = form ? value(form.firstElementChild, []) : null;  // what the page showed: kept drafts send only their changes
  sent = initial;
  if (form) {
    form.addEventListener("input", (e) => {
      lastPad = padOf(e.target) || lastPad;
      if (e.target.dataset.t === "kolom") relabel(e.target.closest("fieldset.tabel"));
      changed();
    });
    form.addEventListener("change", (e) => {
      if (e.target.hasAttribute("data-nvt")) nvt(e.target);
      if (e.target.classList.contains("rijtotaal-aan")) rowTotals(e.target);
      changed();
    });
    form.addEventListener("click", (e) => listButton(e.target.closest("button"), changed));
    form.addEventListener("paste", (e) => pasted(e, base, changed));
    form.querySelectorAll("[data-nvt]").forEach(nvt);
    form.querySelectorAll("fieldset.tabel").forEach(rowLabels);
  }
  function offerReload(text, soort) {
    box.textContent = text + " ";
    box.dataset.soort = soort || "";
    const again = document.createElement("button");
    again.type = "button"; again.textContent = "Opnieuw laden (eigen wijzigingen vervallen)";
    again.addEventListener("click", async () => { await post(base + "/herladen", {}); forget(); unloading = true; location.reload(); });
    box.append(again);
  }
  function forget() { try { localStorage.removeItem(store); } catch (e) { /* nothing kept */ } }
  async function save(voorkeur) {
    if (form && (pending || voorkeur === undefined)) await send();
    await queue;
    const s = await post(base + "/opslaan", voorkeur ? {voorkeur} : {});
    box.replaceChildren();
    if (s.conflicten) {
      show(s);
      conflicts(s.conflicten, async (voorkeur) => {
        const r = await post(base + "/opslaan", {voorkeur});
        if (r.gelukt) { forget(); sessionStorage.setItem("nota-melding", "Opgeslagen."); unloading = true; location.reload(); } else box.textContent = r.fout.join(" ");
      }, "Het bestand is intussen elders opgeslagen en hetzelfde veld is daar ook gewijzigd. Er is nog niets opgeslagen; kies welke tekst blijft.");
      return;
    }
    if (!s.gelukt) { box.textContent = s.fout.join(" "); focusFirstError(); return; }
    forget();
    if (s.samengevoegd) { sessionStorage.setItem("nota-melding", "Opgeslagen; de wijzigingen van de ander zijn samengevoegd met de uwe."); unloading = true; location.reload(); return; }
    show(s);
    box.textContent = "Opgeslagen.";
    focusFirstError();
  }
  function conflicts(list, choose, intro) {  // both texts of every field changed on both sides: the user chooses
    const h = document.createElement("p");
    h.textContent = intro;
    box.append(h);
    for (const c of list) {
      const target = control(document.querySelector(`[data-pad='${JSON.stringify(c.pad)}']`));
      const d = document.createElement("div"); d.className = "conflict";
      const name = document.createElement("strong"); name.textContent = target ? label(target) : c.pad.join(" › ");
      const mine = document.createElement("blockquote"); mine.className = "mijn"; mine.textContent = c.mijn;
      const theirs = document.createElement("blockquote"); theirs.className = "ander"; theirs.textContent = c.ander;
      const p1 = document.createElement("p"); p1.textContent = "Uw tekst:";
      const p2 = document.createElement("p"); p2.textContent = "De tekst van de ander:";
      d.append(name, p1, mine, p2, theirs);
      box.append(d);
    }
    for (const [text, voorkeur] of [["Mijn tekst bewaren", "mijn"], ["De tekst van de ander nemen", "ander"]]) {
      const b = document.createElement("button"); b.type = "button"; b.textContent = text;
      b.addEventListener("click", () => choose(voorkeur));
      box.append(b);
    }
    box.querySelector("button").focus();
  }
  const saveButton = document.getElementById("opslaan");
  if (saveButton) saveButton.addEventListener("click", () => save());
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") { e.preventDefault(); if (saveButton) save(); }
  });
  let unloading = false, inflight = 0, yamlEdited = false;
  const yamlBox = document.getElementById("yaml");
  if (yamlBox) yamlBox.addEventListener("input", () => { yamlEdited = true; });
  function quiet() {  // nothing of the user's own on this page that a reload could take away
    const f = document.activeElement;
    const typing = f && f.matches && f.matches("#formulier input, #formulier textarea, #formulier select, #yaml");
    return !pending && !inflight && !state.gewijzigd && !yamlEdited && !typing;
  }
  window.addEventListener("beforeunload", (e) => {
    if (unloading || !(pending || state.gewijzigd)) return;
    e.preventDefault(); e.returnValue = "";
  });
  for (const a of [document.getElementById("pdf"), document.getElementById("docx")]) a.addEventListener("click", (e) => {
    if (a.getAttribute("aria-disabled") === "true") { e.preventDefault(); say("Het document kan nog niet worden gemaakt; zie de fouten bovenaan."); }
  });
  new EventSource(base + "/gebeurtenissen").onmessage = (e) => {
    const d = JSON.parse(e.data);
    if (d.basis !== state.basis && quiet()) { unloading = true; location.reload(); return; }  // followed another's save
    if (d.op_schijf_gewijzigd) offerReload("Het bestand is intussen elders opgeslagen. Bij Opslaan worden beide wijzigingen samengevoegd; wijzigde u hetzelfde veld, dan kiest u welke tekst blijft.", "schijf");
    else if (box.dataset.soort === "schijf") { box.replaceChildren(); box.dataset.soort = ""; }
  };
  const apply = document.getElementById("yaml-toepassen");
  if (apply) apply.addEventListener("click", async () => {
    const s = await post(base + "/yaml", {tekst: document.getElementById("yaml").value, basis: state.basis});
    if (!s.gelukt) { say(s.fout.join("\n")); return; }
    yamlEdited = false;
    if (form && s.problemen.every((p) => p.pad)) { unloading = true; location.reload(); return; }
    show(s);
  });
  tabs();
  show(state);
  const told = sessionStorage.getItem("nota-melding");
  if (told) { sessionStorage.removeItem("nota-melding"); box.textContent = told; }
  if (form && !state.alleen_lezen) restore();

  async function restore() {  // unsaved work this browser kept: put it back (the server merges on Opslaan)
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(store) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.eerst || changes(kept.eerst, kept.formulier) === undefined) return;
    if (kept.teruggezet && state.gewijzigd) return;  // already put back: the server's draft holds it
    const when = new Date(kept.tijd).toLocaleTimeString("nl-NL", {hour: "2-digit", minute: "2-digit"});
    if (kept.basis !== state.basis) {
      box.textContent = `Deze browser bewaarde niet-opgeslagen wijzigingen van ${when}, maar het bestand is sindsdien elders gewijzigd. `;
      const b = document.createElement("button"); b.type = "button"; b.textContent = "Mijn wijzigingen toch terugzetten";
      b.addEventListener("click", () => putBack(kept, when)); box.append(b);
      return;
    }
    await putBack(kept, when);
  }
  async function putBack(kept, when) {
    const s = await post(base + "/formulier", {formulier: changes(kept.eerst, kept.formulier) || {}});
    if (!s.gelukt) { box.textContent = s.fout.join(" "); return; }
    try { localStorage.setItem(store, JSON.stringify({...kept, teruggezet: true})); } catch (e) { /* kept as it was */ }
    sessionStorage.setItem("nota-melding", `Uw niet-opgeslagen wijzigingen van ${when} zijn teruggezet; sla ze op met Opslaan (Ctrl+S).`);
    unloading = true;
    location.reload();
  }
}

// The part of a form's tree that differs from an earlier one (undefined: nothing): only the
// fields changed, so putting a kept draft back leaves what others saved meanwhile.
function changes(before, after) {
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  if (!before || !after || typeof before !== "object" || typeof after !== "object" || Array.isArray(after) || "$datum" in after) return after;
  const out = {};
  for (const k of Object.keys(after)) { const c = changes(before[k], after[k]); if (c !== undefined) out[k] = c; }
  return Object.keys(out).length ? out : undefined;
}

function pathOf(tree, pad) { return pad.reduce((t, k) => (t && typeof t === "object" ? t[k] : undefined), tree); }
function setPath(tree, pad, v) {
  let t = tree;
  for (const k of pad.slice(0, -1)) t = (t[k] = t[k] && typeof t[k] === "object" ? t[k] : {});
  t[pad[pad.length - 1]] = v;
}

// Paste from Word or a PDF: the server cleans the text (line breaks, bullets, numbering).
async function pasted(e, base, changed) {
  const el = e.target;
  if (!el.matches("textarea, input[type=text]") || el.dataset.t !== "str") return;
  const text = e.clipboardData && e.clipboardData.getData("text/plain");
  if (!text) return;
  e.preventDefault();
  const start = el.selectionStart, end = el.selectionEnd;
  const s = await post(base + "/plakken", {tekst: text, regels: el.tagName === "TEXTAREA"});
  const clean = s.gelukt ? s.tekst : text.replace(/[\u0000-\u0008\u000b-\u001f]/g, "\n");
  el.setRangeText(clean, start, end, "end");
  changed();
}

function nvt(box) {
  const sectie = box.closest("[data-t=sectie]");
  for (const el of sectie.querySelectorAll("input,textarea,select,button")) if (el !== box) el.disabled = box.checked || box.disabled;
}

function listButton(b, changed) {
  if (!b || b.tagName !== "BUTTON") return;
  const item = b.closest(".item"), list = item && item.parentElement;
  if (b.classList.contains("verwijder")) {
    const next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    if (next) next.querySelector("input,textarea,select,button").focus();
    renumberItems(list);
  } else if (b.classList.contains("omhoog") && item.previousElementSibling) { item.previousElementSibling.before(item); b.focus(); renumberItems(list); }
  else if (b.classList.contains("omlaag") && item.nextElementSibling) { item.nextElementSibling.after(item); b.focus(); renumberItems(list); }
  else if (b.classList.contains("toevoegen") || b.classList.contains("tabel-toevoegen")) {
    const box = b.closest("fieldset");
    const target = box.querySelector(":scope > [data-t=list]");
    const tpl = b.classList.contains("tabel-toevoegen") ? document.querySelector(`template.nieuwe-tabel[data-soort=${b.dataset.soort}]`)
      : box.querySelector(":scope > template.nieuw-item");
    add(target, tpl);
    renumberItems(target);
    const table = target.lastElementChild.querySelector("fieldset.tabel");
    if (table) {
      const k = target.querySelectorAll("fieldset.tabel").length;
      table.querySelectorAll(".tabelkop label").forEach((l) => { l.textContent += " in " + b.dataset.titel + (k > 1 ? ", tabel " + k : ""); });
      rowLabels(table);
    }
  } else if (b.classList.contains("regel-toevoegen") || b.classList.contains("subtotaal-toevoegen")) {
    const box = b.closest("fieldset.tabel");
    add(box.querySelector("tbody"), box.querySelector(b.classList.contains("regel-toevoegen") ? "template.nieuwe-post" : "template.nieuw-subtotaal"));
    rowLabels(box);
  } else if (b.classList.contains("kolom-toevoegen")) addColumn(b.closest("fieldset.tabel"));
  else if (b.classList.contains("kolom-verwijderen")) {
    if (!removeColumn(b.closest("fieldset.tabel"), +b.closest("th").dataset.kolom)) return;
  } else return;
  if (item && item.closest("fieldset.tabel")) rowLabels(item.closest("fieldset.tabel"));
  changed();
}

let copies = 0;
function add(list, tpl) {  // a new item from its template, its ids made unique
  const frag = tpl.content.cloneNode(true);
  copies += 1;
  frag.querySelectorAll("[id]").forEach((el) => { el.id += "-n" + copies; });
  frag.querySelectorAll("label[for]").forEach((l) => { l.htmlFor += "-n" + copies; });
  frag.querySelectorAll("[aria-describedby]").forEach((el) => {
    el.setAttribute("aria-describedby", el.getAttribute("aria-describedby").split(" ").map((x) => x + "-n" + copies).join(" "));
  });
  const first = frag.querySelector("input:not([type=hidden]),textarea,select");
  list.append(frag);
  if (first) first.focus();
}

function renumberItems(list) {  // "Beslispunt 2" stays the second after a move, an add or a removal
  if (!list) return;
  [...list.children].forEach((li, i) => li.querySelectorAll(":scope > * .nr[data-basis], :scope > .veld .nr[data-basis]").forEach((s) => {
    if (s.closest("li.item") === li) s.textContent = s.dataset.basis + " " + (i + 1);
  }));
}

function rowLabels(box) {  // every cell says its row: "Post, regel 3", "2027, regel 3"
  box.querySelectorAll("tbody > tr.item").forEach((tr, i) => tr.querySelectorAll("input[aria-label]:not([data-t=kolom])").forEach((el) => {
    const name = el.getAttribute("aria-label").replace(/, regel \d+$/, "");
    el.setAttribute("aria-label", name + ", regel " + (i + 1));
  }));
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
  rowLabels(box);
}
function rowTotals(box) {
  const table = box.closest("fieldset.tabel");
  const cells = [...table.querySelectorAll("th.rijtotaal, td.rijtotaal")];
  for (const tpl of table.querySelectorAll(":scope > template")) cells.push(...tpl.content.querySelectorAll("td.rijtotaal"));
  for (const c of cells) c.hidden = !box.checked;
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
    if (s.gelukt) { location.href = s.adres; return; }
    const box = document.getElementById("nieuw-fout"), onderwerp = document.getElementById("nieuw-onderwerp");
    box.textContent = s.fout.join(" ");
    const bad = /onderwerp/.test(box.textContent) ? onderwerp : document.getElementById("nieuw-soort");
    bad.setAttribute("aria-invalid", "true");
    bad.setAttribute("aria-describedby", (bad.getAttribute("aria-describedby") || "") + " nieuw-fout");
    bad.focus();
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
    if (s.gelukt) { say("Besluit vastgelegd: " + s.besluit); location.reload(); return; }
    meetingError(f, s.fout);
  });
}

// A decision refused: the message at the form and in the summary at the top, the field marked.
function meetingError(f, fout) {
  const here = f.querySelector(".veldfout"), top = document.getElementById("meldingen");
  here.textContent = fout.join(" ");
  const onderwerp = f.querySelector("strong").textContent;
  const p = document.createElement("p"); p.className = "fout";
  p.textContent = onderwerp + ": " + fout.join(" ");
  top.replaceChildren(p);
  const field = /toelichting/i.test(here.textContent) ? f.querySelector("[name=toelichting]") : f.querySelector("[name=uitkomst]");
  f.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-describedby", here.id);
  top.scrollIntoView({block: "start"});
  field.focus();
}

document.addEventListener("DOMContentLoaded", () => { editor(); others(); overview(); });
