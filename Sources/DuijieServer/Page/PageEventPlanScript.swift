/// The page's event planner, in the events tab: the organizer uploads or edits the event's
/// tables (participants, slots, requests, locks, event.json; UTF-8 or GBK files), generates a
/// plan (`POST /api/event-plans`), replans it after changes (the last plan's schedule sent as
/// `published`), approves it (recorded as an event with `POST /api/events`, so its meetings
/// can be rated) and downloads the report (`POST /api/event-plans/report`, a ZIP). Part of the
/// page's one script (`PageScript.text`), sharing its helpers.
enum PageEventPlanScript {
    static let text = #"""

Object.assign(TEXT.zh, {
  planTitle: "安排对接会", planHint: "上传或编辑参会方、时段、会见请求和锁定会谈（CSV 或 JSON Lines，中文或英文表头，UTF-8 或 GBK），生成配对和日程；有变动时修改后重新安排，已公布的会谈尽量不动。",
  kind_participants: "参会方", kind_slots: "时段", kind_requests: "会见请求（可选）", kind_locked: "锁定会谈（可选）", kind_event: "活动信息 event.json（可选）",
  generatePlan: "生成安排", replanPlan: "按调整重新安排", approvePlan: "批准并登记", downloadPlan: "下载日程包",
  planMeetings: "场会谈", planParticipants: "个参会方", shortfall: "未达最少会谈", unmetRequest: "未实现的请求",
  time: "时间", table: "桌号", note: "备注", approved: "已登记为对接会 #", noRecordMeetings: "没有会谈对应语料库记录，无法登记",
  skippedMeetings: "场会谈的参会方未对应语料库记录，未登记"
});
Object.assign(TEXT.en, {
  planTitle: "Plan an event", planHint: "Upload or edit the participants, slots, meeting requests and locked meetings (CSV or JSON Lines, Chinese or English headers, UTF-8 or GBK) and generate the pairing and schedule; after changes, replan: published meetings stay where they can.",
  kind_participants: "Participants", kind_slots: "Slots", kind_requests: "Requests (optional)", kind_locked: "Locked meetings (optional)", kind_event: "event.json (optional)",
  generatePlan: "Generate", replanPlan: "Replan after changes", approvePlan: "Approve and record", downloadPlan: "Download the report",
  planMeetings: "meetings", planParticipants: "participants", shortfall: "Below minimum", unmetRequest: "Requests not met",
  time: "Time", table: "Table", note: "Note", approved: "Recorded as event #", noRecordMeetings: "No meeting stands for corpus records; nothing to record",
  skippedMeetings: "meetings stand for no corpus records and were not recorded"
});

const planKinds = ["participants", "slots", "requests", "locked", "event"];
const planState = { names: { participants: "participants.csv", slots: "slots.csv", requests: "requests.csv", locked: "locked.csv", event: "event.json" },
  plan: null, published: undefined };

async function readTable(file) {
  const bytes = await file.arrayBuffer();
  try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
  catch (_) { return new TextDecoder("gb18030").decode(bytes); }
}

function planBody(published) {
  const files = {};
  for (const kind of planKinds) {
    const text = document.querySelector("#event-plan textarea[data-kind='" + kind + "']").value;
    if (text.trim()) files[planState.names[kind]] = text;
  }
  const body = { files, language: state.language };
  if (published) body.published = published;
  return body;
}

function showPlan(plan) {
  planState.plan = plan;
  $("#plan-result").hidden = false;
  $("#plan-summary").textContent = plan.name + " · " + plan.participants + " " + t("planParticipants") + " · " + plan.meetings.length + " " + t("planMeetings");
  const notes = plan.warnings.map((text) => element("li", { textContent: text }))
    .concat(plan.shortfalls.map((item) => element("li", { textContent: t("shortfall") + " · " + item.name + "（" + item.meetings + "/" + item.minimum + "）" + item.reason })))
    .concat(plan.unmetRequests.map((item) => element("li", { textContent: t("unmetRequest") + " · " + item.from + " → " + item.to + "：" + item.reason })));
  $("#plan-notes").replaceChildren(...notes);
  $("#plan-changes").hidden = !plan.changes;
  $("#plan-changes").textContent = plan.changes ? plan.changes.text : "";
  $("#plan-meetings tbody").replaceChildren(...plan.meetings.map((meeting) => element("tr", {}, [
    element("td", { textContent: meeting.start.slice(11) + "–" + meeting.end.slice(11) }), element("td", { className: "number", textContent: String(meeting.table) }),
    element("td", { textContent: meeting.demandName }), element("td", { textContent: meeting.supplyName }), element("td", { textContent: meeting.note })])));
  $("#plan-replan").disabled = false; $("#plan-approve").disabled = false; $("#plan-download").disabled = false;
}

async function generatePlan(replan) {
  $("#plan-error").textContent = "";
  const published = replan && planState.plan ? planState.plan.schedule : undefined;
  try {
    showPlan(await api("POST", "/api/event-plans", planBody(published)));
    planState.published = published;
  } catch (error) { $("#plan-error").textContent = error.message; }
}

async function approvePlan() {
  $("#plan-error").textContent = "";
  const plan = planState.plan;
  if (!plan) return;
  const meetings = plan.meetings.filter((meeting) => meeting.demandRecord && meeting.supplyRecord)
    .map((meeting) => ({ demandID: meeting.demandRecord, supplyID: meeting.supplyRecord, target: meeting.target, slot: meeting.slot, table: meeting.table }));
  if (!meetings.length) { $("#plan-error").textContent = t("noRecordMeetings"); return; }
  try {
    const event = await api("POST", "/api/events", { name: plan.name, heldOn: plan.heldOn, place: plan.venue, meetings });
    const skipped = plan.meetings.length - meetings.length;
    $("#plan-error").textContent = t("approved") + event.id + (skipped ? "；" + skipped + " " + t("skippedMeetings") : "");
    await loadEvents();
  } catch (error) { $("#plan-error").textContent = error.message; }
}

async function downloadPlan() {
  $("#plan-error").textContent = "";
  try {
    // The report of the plan shown: a replan's has its change list and only the changed agendas.
    const response = await api("POST", "/api/event-plans/report", planBody(planState.published), true);
    const blob = await response.blob();
    const link = element("a", { href: URL.createObjectURL(blob), download: (state.language === "zh" ? "对接会日程" : "event-report") + ".zip" });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) { $("#plan-error").textContent = error.message; }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("#event-plan input[type=file]").forEach((input) => input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    const kind = input.dataset.kind;
    if (kind !== "event") planState.names[kind] = kind + (file.name.toLowerCase().endsWith(".jsonl") ? ".jsonl" : ".csv");
    document.querySelector("#event-plan textarea[data-kind='" + kind + "']").value = await readTable(file);
  }));
  $("#plan-generate").addEventListener("click", () => generatePlan(false));
  $("#plan-replan").addEventListener("click", () => generatePlan(true));
  $("#plan-approve").addEventListener("click", approvePlan);
  $("#plan-download").addEventListener("click", downloadPlan);
});
"""#
}
