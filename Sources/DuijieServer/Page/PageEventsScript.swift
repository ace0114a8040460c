/// The page's events tab: the matchmaking events held (`GET /api/events`), an event's meetings
/// with the ratings so far (`GET /api/events/{id}`), and a rating recorded for either side,
/// right after the event or at the follow-up (`POST /api/meetings/{id}/ratings`). Part of the
/// page's one script (`PageScript.text`), sharing its helpers.
enum PageEventsScript {
    static let text = #"""

async function loadEvents() {
  $("#event-plan").hidden = state.session.user.role === "viewer";
  const data = await api("GET", "/api/events");
  const rows = data.events.map((item) => {
    const row = element("tr", {}, [element("td", { textContent: String(item.id) }), element("td", { textContent: item.name }),
      element("td", { textContent: item.heldOn }), element("td", { textContent: item.place }), element("td", { className: "number", textContent: String(item.meetings) })]);
    row.dataset.eventId = String(item.id);
    row.addEventListener("click", () => openEvent(item.id));
    return row;
  });
  $("#event-list tbody").replaceChildren(...rows);
  if (state.openEvent) await openEvent(state.openEvent);
}

function ratingText(rating) {
  return t("sides")[rating.side] + " " + t("stages")[rating.stage] + " " + rating.rating + (rating.agreement ? " · " + t("agreement") : "")
    + (rating.note ? "（" + rating.note + "）" : "");
}

function ratingForm(meeting) {
  const choose = (name, names) => element("select", { className: name }, Object.keys(names).map((key) => element("option", { value: key, textContent: names[key] })));
  const side = choose("side", t("sides")), stage = choose("stage", t("stages"));
  const score = element("select", { className: "score" }, [5, 4, 3, 2, 1].map((value) => element("option", { value: String(value), textContent: String(value) })));
  const agreement = element("input", { type: "checkbox", className: "agreement" });
  const note = element("input", { className: "rating-note", placeholder: t("noteHint") });
  const button = element("button", { type: "button", className: "record-rating", textContent: t("record") });
  button.addEventListener("click", async () => {
    $("#event-error").textContent = "";
    try {
      const body = { side: side.value, stage: stage.value, rating: Number(score.value), note: note.value };
      if (agreement.checked) body.agreement = true;
      await api("POST", "/api/meetings/" + meeting.id + "/ratings", body);
      await openEvent(state.openEvent);
    } catch (error) { $("#event-error").textContent = error.message; }
  });
  return element("div", { className: "row" }, [side, stage, score, element("label", {}, [agreement, " " + t("agreement")]), note, button]);
}

async function openEvent(id) {
  $("#event-error").textContent = "";
  const detail = await api("GET", "/api/events/" + id);
  state.openEvent = id;
  $("#event-detail").hidden = false;
  $("#event-detail-title").textContent = detail.name + " · " + detail.heldOn + (detail.place ? " · " + detail.place : "");
  const mayRate = state.session.user.role !== "viewer";
  const rows = detail.meetingList.map((meeting) => {
    const row = element("tr", {}, [element("td", { textContent: named(meeting.demandName, meeting.demandID) }),
      element("td", { textContent: named(meeting.supplyName, meeting.supplyID) }),
      element("td", { textContent: [meeting.slot, meeting.table === null ? "" : "#" + meeting.table].filter((part) => part).join(" ") }),
      element("td", {}, meeting.ratings.map((rating) => element("div", { textContent: ratingText(rating) }))),
      element("td", {}, mayRate ? [ratingForm(meeting)] : [])]);
    row.dataset.meetingId = String(meeting.id);
    return row;
  });
  $("#meeting-list tbody").replaceChildren(...rows);
}
"""#
}
