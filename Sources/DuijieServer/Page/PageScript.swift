/// The page's script: signs in, calls the JSON API (with the session's CSRF token on every
/// change), and draws results with `textContent` only, so no record text is ever read as HTML.
enum PageScript {
    /// The whole script: the core below, then the deals and events tabs (`PageDealsScript`,
    /// `PageEventsScript`, `PageEventPlanScript`).
    static let text = core + PageDealsScript.text + PageEventsScript.text + PageEventPlanScript.text

    static let core = #"""
"use strict";
const TEXT = {
  zh: {
    title: "技术转移工作台", tabShortlist: "推荐清单", tabDemand: "新增需求", tabCases: "案例", tabDeals: "成交", tabStats: "统计",
    eventsHeld: "对接会（本期举办 {n} 场；成交为其洽谈所促成，不论签订于何时）", event: "对接会", heldOn: "日期", meetings: "洽谈场次", rated: "会后评价", meanRating: "会后平均评分", followedUp: "回访", agreements: "达成合作",
    tabEvents: "对接会", eventsTitle: "对接会与洽谈评价", demandSide: "需求方", supplySide: "供给方", place: "地点", slotTable: "时段 / 桌号", ratingsSoFar: "已有评价", rate: "记录评价",
    sides: {demand: "需求方", supply: "供给方"}, stages: {"after-event": "会后", "follow-up": "回访"}, agreement: "达成合作", record: "记录",
    newDeal: "登记成交", contractType: "合同类型", signedOn: "签订日期", dealValue: "成交额（万元）", ipType: "知识产权类型", seller: "卖方", buyer: "买方", partyHint: "记录编号或名称",
    sellerKind: "卖方类型", buyerKind: "买方类型", registrationNumber: "登记号", registeredOn: "登记日期", sellerRegion: "卖方地区", buyerRegion: "买方地区", fee: "佣金（万元）",
    caseID: "案例编号", resultRecordID: "推荐结果编号", saveDeal: "保存成交", dealList: "成交记录", dealSaved: "已登记成交 #", recordDeal: "登记成交", noBroker: "（不指定）",
    contractTypes: {development: "技术开发", transfer: "技术转让", licence: "技术许可", consulting: "技术咨询", service: "技术服务", brokerage: "技术中介"},
    partyKinds: {enterprise: "企业", institute: "科研院所", university: "高等院校", individual: "个人", other: "其他"},
    ipTypes: {patent: "专利", "know-how": "技术秘密", software: "计算机软件著作权", "ic-layout": "集成电路布图设计", "plant-variety": "植物新品种", other: "其他"}, period: "统计期", periodHint: "如 2026H1、2026Q3、2026", showStats: "统计", statsTitle: "技术合同统计 {p}（{s} 至 {e}）", byContractType: "按合同类型", byField: "按技术领域", bySellerKind: "按卖方类型", byIPType: "按知识产权类型", bySellerProvince: "按卖方省份", bySellerRegion: "按卖方地区", group: "项目", deals: "合同数", value: "成交额（万元）", dealsEarlier: "上年同期合同数", valueEarlier: "上年同期成交额", change: "变化", brokers: "经纪人", fees: "佣金（万元）", funnel: "对接漏斗（本期新建案例 {n} 个）", stage: "阶段", results: "结果数", ofBefore: "较上一阶段", medianDays: "距上一阶段天数（中位数）", signIn: "登录", signOut: "退出",
    login: "用户名", password: "密码", query: "需求编号或描述", queryHint: "如 D-1012 或 “海参养殖 溶解氧”", target: "推荐对象",
    achievement: "科技成果", expert: "专家", institution: "机构", demand: "技术需求", enterprise: "企业", top: "条数",
    filters: "筛选条件", region: "地区", regionHint: "名称或编号", includePaired: "含对口合作地区", field: "领域", fieldHint: "名称、编号或同义词",
    minMaturity: "最低成熟度", any: "不限", lab: "实验室", pilot: "中试", maturation: "熟化", industrialization: "产业化",
    mode: "转化方式", modeHint: "如 许可", maxPerInstitution: "每单位至多", diversity: "多样性 λ", rank: "推荐",
    caseTitle: "案例名称", client: "客户", noClient: "（不指定）", saveCase: "保存为案例", exportFor: "导出给客户：",
    score: "得分", name: "名称", status: "状态", reasonOrNote: "原因 / 备注", history: "记录", addNote: "添加备注", noteHint: "备注内容",
    cases: "案例", mineOnly: "只看我的", broker: "经纪人", created: "创建时间", newDemand: "新增或修改技术需求", loadDemand: "载入已有需求", demandLoaded: "已载入 {id}，保存即修改", demandID: "需求编号",
    demandTitle: "需求名称", enterpriseID: "企业编号", description: "需求描述", keywords: "关键词", fields: "领域", budget: "预算（万元）",
    modes: "转化方式", listHint: "用逗号分隔", confidential: "保密（仅本人和管理员可见）", saveDemand: "保存需求",
    update: "更新", noResults: "没有符合条件的结果", weakMatch: "弱匹配", path: "关联路径：", saved: "已保存为案例 #", demandSaved: "需求已保存，第 {g} 代索引",
    confidentialBadge: "保密", signInFailed: "用户名或密码错误",
    roles: {admin: "管理员", broker: "技术经纪人", viewer: "只读用户"},
    statuses: {"to-contact": "待联系", "contacted": "已联系", "meeting": "已约见", "negotiating": "洽谈中", "signed": "已签约", "no-deal": "未成交"}
  },
  en: {
    title: "Technology transfer workbench", tabShortlist: "Shortlist", tabDemand: "New demand", tabCases: "Cases", tabDeals: "Deals", tabStats: "Statistics",
    eventsHeld: "Matchmaking events ({n} held in the period; deals from their meetings, whenever signed)", event: "Event", heldOn: "Held on", meetings: "Meetings", rated: "Rated after", meanRating: "Mean rating", followedUp: "Followed up", agreements: "Agreements",
    tabEvents: "Events", eventsTitle: "Matchmaking events and meeting ratings", demandSide: "Demand side", supplySide: "Supply side", place: "Place", slotTable: "Slot / table", ratingsSoFar: "Ratings so far", rate: "Record a rating",
    sides: {demand: "demand side", supply: "supply side"}, stages: {"after-event": "after the event", "follow-up": "follow-up"}, agreement: "agreement reached", record: "Record",
    newDeal: "Record a deal", contractType: "Contract type", signedOn: "Signed on", dealValue: "Value (10k CNY)", ipType: "IP type", seller: "Seller", buyer: "Buyer", partyHint: "record id or name",
    sellerKind: "Seller kind", buyerKind: "Buyer kind", registrationNumber: "Registration no.", registeredOn: "Registered on", sellerRegion: "Seller region", buyerRegion: "Buyer region", fee: "Fee (10k CNY)",
    caseID: "Case no.", resultRecordID: "Result id", saveDeal: "Save deal", dealList: "Deals", dealSaved: "Deal recorded: #", recordDeal: "Record deal", noBroker: "(none)",
    contractTypes: {development: "development", transfer: "transfer", licence: "licence", consulting: "consulting", service: "service", brokerage: "brokerage"},
    partyKinds: {enterprise: "enterprise", institute: "research institute", university: "university", individual: "individual", other: "other"},
    ipTypes: {patent: "patent", "know-how": "know-how", software: "software copyright", "ic-layout": "IC layout", "plant-variety": "plant variety", other: "other"}, period: "Period", periodHint: "e.g. 2026H1, 2026Q3, 2026", showStats: "Show", statsTitle: "Technology contracts {p} ({s} to {e})", byContractType: "By contract type", byField: "By technical field", bySellerKind: "By seller kind", byIPType: "By IP type", bySellerProvince: "By seller province", bySellerRegion: "By seller region", group: "Group", deals: "Deals", value: "Value (10k CNY)", dealsEarlier: "Deals a year earlier", valueEarlier: "Value a year earlier", change: "Change", brokers: "Brokers", fees: "Fees (10k CNY)", funnel: "Funnel ({n} cases opened in the period)", stage: "Stage", results: "Results", ofBefore: "Of the stage before", medianDays: "Median days from the stage before", signIn: "Sign in", signOut: "Sign out",
    login: "Login", password: "Password", query: "Demand id or description", queryHint: "e.g. D-1012 or “sea cucumber farming oxygen”", target: "Recommend",
    achievement: "Achievements", expert: "Experts", institution: "Institutions", demand: "Demands", enterprise: "Enterprises", top: "How many",
    filters: "Filters", region: "Region", regionHint: "name or id", includePaired: "with paired regions", field: "Field", fieldHint: "name, id or synonym",
    minMaturity: "Least maturity", any: "any", lab: "lab", pilot: "pilot", maturation: "maturation", industrialization: "industrialization",
    mode: "Transfer mode", modeHint: "e.g. licence", maxPerInstitution: "Per institution", diversity: "Diversity λ", rank: "Recommend",
    caseTitle: "Case title", client: "Client", noClient: "(none)", saveCase: "Save as case", exportFor: "Export for the client:",
    score: "Score", name: "Name", status: "Status", reasonOrNote: "Reason / note", history: "History", addNote: "Add note", noteHint: "Note",
    cases: "Cases", mineOnly: "Mine only", broker: "Broker", created: "Created", newDemand: "Add or edit a technical demand", loadDemand: "Load existing", demandLoaded: "Loaded {id}: saving changes it", demandID: "Demand id",
    demandTitle: "Title", enterpriseID: "Enterprise id", description: "Description", keywords: "Keywords", fields: "Fields", budget: "Budget (10k CNY)",
    modes: "Transfer modes", listHint: "comma-separated", confidential: "Confidential (only you and admins)", saveDemand: "Save demand",
    update: "Update", noResults: "No result passes the filters", weakMatch: "weak match", path: "Path: ", saved: "Saved as case #", demandSaved: "Demand saved: index generation {g}",
    confidentialBadge: "confidential", signInFailed: "Wrong login or password",
    roles: {admin: "admin", broker: "broker", viewer: "viewer"},
    statuses: {"to-contact": "to contact", "contacted": "contacted", "meeting": "meeting arranged", "negotiating": "negotiating", "signed": "signed", "no-deal": "no deal"}
  }
};
const state = { language: localStorage.getItem("duijie.language") || "zh", session: null, lastQuery: null, lastIDs: [], users: {}, openCase: null };
const $ = (selector) => document.querySelector(selector);
const t = (key) => TEXT[state.language][key] || key;

function element(tag, properties, children) {
  const node = document.createElement(tag);
  Object.assign(node, properties || {});
  for (const child of children || []) node.append(child);
  return node;
}

function applyLanguage() {
  document.documentElement.lang = state.language === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-text]").forEach((node) => { node.textContent = t(node.dataset.text); });
  document.querySelectorAll("[data-placeholder]").forEach((node) => { node.placeholder = t(node.dataset.placeholder); });
  $("#language").textContent = state.language === "zh" ? "EN" : "中文";
  document.title = (state.language === "zh" ? "对接 · " : "Duijie · ") + t("title");
}

async function api(method, path, body, raw) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.session) headers["X-CSRF-Token"] = state.session.csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  if (response.status === 401 && path !== "/api/session") { showSignIn(); throw new Error(t("signIn")); }
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try { message = (await response.json()).error.message; } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

function show(view) {
  for (const name of ["sign-in", "shortlist", "demand", "cases", "deals", "events", "stats"]) $("#" + name + "-view").hidden = name !== view;
  document.querySelectorAll("#tabs button").forEach((button) => button.classList.toggle("active", button.dataset.tab === view));
  if (view === "cases") loadCases();
  if (view === "deals") loadDeals();
  if (view === "events") loadEvents();
  if (view === "stats") { if (!$("#stats-query").period.value) $("#stats-query").period.value = lastHalfYear(); loadStats(); }
}

function showSignIn() {
  state.session = null;
  $("#tabs").hidden = true; $("#sign-out").hidden = true; $("#user-name").textContent = "";
  show("sign-in");
}

function drawUser() {
  if (state.session) $("#user-name").textContent = state.session.user.displayName + " · " + t("roles")[state.session.user.role];
}

async function signedIn(session) {
  state.session = session;
  const users = await api("GET", "/api/users");
  state.users = Object.fromEntries(users.users.map((user) => [user.id, user.displayName]));
  state.userList = users.users;
  $("#deals-tab").hidden = session.user.role === "viewer";
  drawDealChoices();
  state.clients = (await api("GET", "/api/clients")).clients;
  drawClients();
  drawUser();
  // The tabs appear once everything they need is loaded.
  $("#tabs").hidden = false; $("#sign-out").hidden = false;
  show("shortlist");
}

function drawClients() {
  const select = $("#case-client");
  const chosen = select.value;
  select.replaceChildren(element("option", { value: "", textContent: t("noClient") }));
  for (const client of state.clients || []) select.append(element("option", { value: String(client.id), textContent: client.name }));
  select.value = chosen;
}

function named(name, id) { return state.language === "zh" ? name + "（" + id + "）" : name + " (" + id + ")"; }

function list(value) { return value.split(/[,，、;；]/).map((part) => part.trim()).filter((part) => part.length > 0); }

function shortlistRequest() {
  const form = $("#query");
  const query = form.query.value.trim();
  const request = { target: form.target.value, top: Number(form.top.value) || 10, language: state.language, filters: {} };
  if (/^[A-Za-z]+-\d+$/.test(query)) request.recordID = query; else request.text = query;
  const filters = request.filters;
  if (form.region.value.trim()) filters.regions = list(form.region.value);
  if (form.includePaired.checked) filters.includePairedRegions = true;
  if (form.field.value.trim()) filters.fields = list(form.field.value);
  if (form.minMaturity.value) filters.minMaturity = form.minMaturity.value;
  if (form.mode.value.trim()) filters.modes = list(form.mode.value);
  if (form.maxPerInstitution.value) filters.maxPerInstitution = Number(form.maxPerInstitution.value);
  if (form.diversity.value) filters.diversity = Number(form.diversity.value);
  return request;
}

function drawResult(result) {
  const body = element("div", {}, [
    element("div", { className: "name", textContent: named(result.name, result.id) }),
    element("div", { className: "meta", textContent: [result.organization, result.location, result.regionRelation].filter(Boolean).join(" · ") })
  ]);
  body.append(element("ul", {}, result.reasons.map((reason) => element("li", { textContent: reason }))));
  if (result.matchedTerms.length) body.append(element("div", { className: "terms" }, result.matchedTerms.map((term) => element("span", { textContent: term }))));
  if (result.path && result.path.length > 1) body.append(element("div", { className: "path", textContent: t("path") + result.path.map((step) => step.name).join(" → ") }));
  const bar = element("div", { className: "bar" }, [element("span")]);
  bar.firstChild.style.width = Math.min(100, Math.round(result.score * 100)) + "%";
  return element("li", { className: "result" }, [
    element("div", { className: "rank", textContent: String(result.rank) }), body,
    element("div", { className: "score" }, [element("div", { textContent: result.score.toFixed(3) }), bar])
  ]);
}

async function rank(event) {
  event.preventDefault();
  await runShortlist(shortlistRequest());
}

async function runShortlist(request) {
  $("#query-error").textContent = ""; $("#shortlist-note").textContent = "";
  const button = $("#rank"); button.disabled = true;
  try {
    const shortlist = await api("POST", "/api/shortlists", request);
    state.lastQuery = request;
    state.lastIDs = shortlist.results.map((result) => result.id);
    $("#shortlist").hidden = false;
    $("#shortlist-title").textContent = shortlist.query.title;
    $("#case-title").value = shortlist.query.title.slice(0, 200);
    const results = $("#results");
    results.replaceChildren(...shortlist.results.map(drawResult));
    if (!shortlist.results.length) results.append(element("li", { textContent: t("noResults") }));
  } catch (error) {
    $("#query-error").textContent = error.message;
  } finally { button.disabled = false; }
}

async function saveCase() {
  if (!state.lastQuery) return;
  const body = { title: $("#case-title").value.trim(), shortlist: Object.assign({}, state.lastQuery, { shownIDs: state.lastIDs }) };
  if ($("#case-client").value) body.clientID = Number($("#case-client").value);
  try {
    const saved = await api("POST", "/api/cases", body);
    $("#shortlist-note").textContent = t("saved") + saved.id;
  } catch (error) { $("#query-error").textContent = error.message; }
}

async function exportShortlist(format) {
  if (!state.lastQuery) return;
  try {
    const response = await api("POST", "/api/shortlists/export", Object.assign({}, state.lastQuery, { format }), true);
    const blob = await response.blob();
    const link = element("a", { href: URL.createObjectURL(blob), download: (state.language === "zh" ? "推荐清单." : "shortlist.") + format });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) { $("#query-error").textContent = error.message; }
}

async function saveDemand(event) {
  event.preventDefault();
  const form = $("#demand");
  $("#demand-error").textContent = ""; $("#demand-note").textContent = "";
  const record = { id: form.id.value.trim(), enterprise: form.enterprise.value.trim(), title: form.title.value.trim(),
    keywords: list(form.keywords.value), fields: list(form.fields.value), transferModes: list(form.transferModes.value),
    confidential: form.confidential.checked };
  if (form.description.value.trim()) record.description = form.description.value.trim();
  if (form.budget.value) record.budget = Number(form.budget.value);
  try {
    const change = await api("POST", "/api/records", { kind: "demand", record });
    $("#demand-note").textContent = t("demandSaved").replace("{g}", change.generation) + (change.warnings.length ? " · " + change.warnings.join("; ") : "");
  } catch (error) { $("#demand-error").textContent = error.message; }
}

// Transfer modes by their Chinese names (the corpus reads these names as the codes).
const modeNamesZh = { assignment: "转让", licence: "许可", equity: "作价入股", "joint-development": "合作开发",
  commissioned: "委托开发", service: "技术服务", pledge: "质押" };

async function loadDemand() {
  const form = $("#demand");
  const id = form.id.value.trim();
  $("#demand-error").textContent = ""; $("#demand-note").textContent = "";
  if (!id) { form.id.reportValidity(); return; }
  try {
    const answer = await api("GET", "/api/records/" + encodeURIComponent(id));
    if (answer.kind !== "demand") throw new Error(id + ": " + answer.kind);
    const record = answer.record;
    for (const name of ["enterprise", "title", "description"]) form[name].value = record[name] || "";
    for (const name of ["keywords", "fields"]) form[name].value = (record[name] || []).join("，");
    // Stored modes are codes; in Chinese they are shown (and read back) by their Chinese names.
    const modes = (record.transferModes || []).map((mode) => state.language === "zh" ? (modeNamesZh[mode] || mode) : mode);
    form.transferModes.value = modes.join(state.language === "zh" ? "，" : ", ");
    form.budget.value = record.budget === undefined || record.budget === null ? "" : String(record.budget);
    form.confidential.checked = record.confidential === true;
    $("#demand-note").textContent = t("demandLoaded").replace("{id}", id);
  } catch (error) { $("#demand-error").textContent = error.message; }
}

// The last half-year that has ended: the report a centre files now.
function lastHalfYear() {
  const now = new Date();
  return now.getMonth() < 6 ? (now.getFullYear() - 1) + "H2" : now.getFullYear() + "H1";
}

function statsTable(headers, rows) {
  const head = element("thead", {}, [element("tr", {}, headers.map((text) => element("th", { textContent: text })))]);
  const body = element("tbody", {}, rows.map((cells) => element("tr", {}, cells.map((text, index) =>
    element("td", { textContent: text, className: index > 0 ? "number" : "" })))));
  return element("table", { className: "stats" }, [head, body]);
}

async function loadStats() {
  const period = $("#stats-query").period.value.trim();
  $("#stats-error").textContent = "";
  if (!period) return;
  try {
    const data = await api("GET", "/api/stats?period=" + encodeURIComponent(period) + "&language=" + state.language);
    const amount = (value) => value.toFixed(2);
    const change = (row) => row.valueChange === null ? "—" : (row.valueChange >= 0 ? "+" : "") + (row.valueChange * 100).toFixed(1) + "%";
    const groups = (rows) => rows.map((row) => [row.name, String(row.deals), amount(row.value), String(row.dealsYearEarlier), amount(row.valueYearEarlier), change(row)]);
    const headers = [t("group"), t("deals"), t("value"), t("dealsEarlier"), t("valueEarlier"), t("change")];
    const parts = [statsTable(headers, groups([data.total]))];
    for (const key of ["byContractType", "byField", "bySellerKind", "byIPType", "bySellerProvince", "bySellerRegion"]) {
      parts.push(element("h3", { textContent: t(key) }), statsTable(headers, groups(data[key])));
    }
    parts.push(element("h3", { textContent: t("brokers") }),
      statsTable([t("broker"), t("deals"), t("value"), t("fees")], data.brokers.map((b) => [b.login, String(b.deals), amount(b.value), amount(b.fees)])));
    let before = null;
    const funnel = data.funnel.map((step) => {
      const share = before === null ? "" : before > 0 ? (step.results / before * 100).toFixed(1) + "%" : "—";
      before = step.results;
      return [step.name, String(step.results), share, step.medianDays === null ? (step.status ? "—" : "") : step.medianDays.toFixed(1)];
    });
    parts.push(element("h3", { textContent: t("funnel").replace("{n}", data.casesOpened) }),
      statsTable([t("stage"), t("results"), t("ofBefore"), t("medianDays")], funnel));
    parts.push(element("h3", { textContent: t("eventsHeld").replace("{n}", data.events.length) }),
      statsTable([t("event"), t("heldOn"), t("meetings"), t("rated"), t("meanRating"), t("followedUp"), t("agreements"), t("deals"), t("value")],
        data.events.map((e) => [e.name, e.heldOn, String(e.meetings), String(e.rated), e.meanRating === null ? "—" : e.meanRating.toFixed(2),
          String(e.followedUp), String(e.agreements), String(e.deals), amount(e.value)])));
    $("#stats-title").textContent = t("statsTitle").replace("{p}", data.period.label).replace("{s}", data.period.start).replace("{e}", data.period.end);
    $("#stats-tables").replaceChildren(...parts);
    $("#stats").hidden = false;
  } catch (error) { $("#stats-error").textContent = error.message; }
}

function when(seconds) { return new Date(seconds * 1000).toLocaleString(state.language === "zh" ? "zh-CN" : "en-GB"); }

async function loadCases() {
  const mine = $("#mine-only").checked && state.session;
  const data = await api("GET", "/api/cases" + (mine ? "?broker=" + state.session.user.id : ""));
  const rows = data.cases.map((item) => {
    const title = element("td", { textContent: item.title });
    if (item.confidential) title.append(element("span", { className: "badge", textContent: t("confidentialBadge") }));
    const row = element("tr", {}, [element("td", { textContent: String(item.id) }), title,
      element("td", { textContent: state.users[item.brokerID] || String(item.brokerID) }), element("td", { textContent: when(item.createdAt) })]);
    row.dataset.caseId = String(item.id);
    row.addEventListener("click", () => openCase(item.id));
    return row;
  });
  $("#case-list tbody").replaceChildren(...rows);
}

async function openCase(id) {
  $("#case-error").textContent = "";
  const detail = await api("GET", "/api/cases/" + id);
  state.openCase = id;
  $("#case-detail").hidden = false;
  $("#case-detail-title").textContent = "#" + detail.id + " " + detail.title;
  const rows = detail.results.map((result) => {
    const select = element("select", { className: "status" }, Object.keys(TEXT.zh.statuses).map((status) =>
      element("option", { value: status, textContent: t("statuses")[status], selected: status === result.status })));
    const note = element("input", { className: "status-note", value: result.reason, placeholder: t("reasonOrNote") });
    const button = element("button", { type: "button", className: "set-status", textContent: t("update") });
    button.addEventListener("click", async () => {
      try {
        const body = { status: select.value, note: note.value };
        if (select.value === "no-deal") body.reason = note.value;
        await api("PUT", "/api/cases/" + id + "/results/" + encodeURIComponent(result.recordID) + "/status", body);
        await openCase(id);
      } catch (error) { $("#case-error").textContent = error.message; }
    });
    const actions = element("td", {}, [button]);
    if (result.status === "signed" && state.session.user.role !== "viewer") {
      const record = element("button", { type: "button", className: "record-deal", textContent: t("recordDeal") });
      record.addEventListener("click", () => startDeal(detail, result));
      actions.append(record);
    }
    const row = element("tr", {}, [element("td", { textContent: String(result.rank) }), element("td", { textContent: named(result.name, result.recordID) }),
      element("td", { textContent: result.score.toFixed(3) }), element("td", {}, [select]), element("td", {}, [note]), actions]);
    row.dataset.recordId = result.recordID;
    return row;
  });
  $("#case-results tbody").replaceChildren(...rows);
  $("#case-events").replaceChildren(...detail.events.map((event) => element("li", { textContent: when(event.at) + " · " + (state.users[event.userID] || event.userID) + " · " +
    (event.status ? (event.recordID + " → " + t("statuses")[event.status] + (event.reason ? "（" + event.reason + "）" : "") + (event.note ? " · " + event.note : "")) : event.note) })));
}

async function addNote(event) {
  event.preventDefault();
  const form = $("#note");
  try {
    await api("POST", "/api/cases/" + state.openCase + "/notes", { text: form.text.value });
    form.text.value = "";
    await openCase(state.openCase);
  } catch (error) { $("#case-error").textContent = error.message; }
}

document.addEventListener("DOMContentLoaded", async () => {
  applyLanguage();
  $("#language").addEventListener("click", async () => {
    state.language = state.language === "zh" ? "en" : "zh";
    localStorage.setItem("duijie.language", state.language);
    applyLanguage();
    if (!state.session) return;
    // What the script drew is drawn again in the new language: reasons come from the server.
    drawUser();
    drawClients();
    drawDealChoices();
    if (!$("#deals-view").hidden) await loadDeals();
    if (!$("#events-view").hidden) await loadEvents();
    if (state.lastQuery) await runShortlist(Object.assign({}, state.lastQuery, { language: state.language }));
    if (!$("#cases-view").hidden) await loadCases();
    if (state.openCase) await openCase(state.openCase);
    if (!$("#stats-view").hidden) await loadStats();
  });
  $("#sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    $("#sign-in-error").textContent = "";
    try {
      const session = await api("POST", "/api/session", { login: form.login.value, password: form.password.value });
      form.password.value = "";
      await signedIn(session);
    } catch (error) { $("#sign-in-error").textContent = t("signInFailed"); }
  });
  $("#sign-out").addEventListener("click", async () => { try { await api("DELETE", "/api/session"); } finally { showSignIn(); } });
  document.querySelectorAll("#tabs button").forEach((button) => button.addEventListener("click", () => show(button.dataset.tab)));
  $("#query").addEventListener("submit", rank);
  $("#save-case").addEventListener("click", saveCase);
  document.querySelectorAll(".export").forEach((button) => button.addEventListener("click", () => exportShortlist(button.dataset.format)));
  $("#demand").addEventListener("submit", saveDemand);
  $("#load-demand").addEventListener("click", loadDemand);
  $("#mine-only").addEventListener("change", loadCases);
  $("#note").addEventListener("submit", addNote);
  $("#stats-query").addEventListener("submit", (event) => { event.preventDefault(); loadStats(); });
  $("#deal").addEventListener("submit", saveDeal);
  try { await signedIn(await api("GET", "/api/session")); } catch (_) { showSignIn(); }
});
"""#
}
