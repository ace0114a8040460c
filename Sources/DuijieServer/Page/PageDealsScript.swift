/// The page's deals tab: a form that records a deal (`POST /api/deals`), prefilled from a
/// signed result of a case, and the list of the deals the user may see (`GET /api/deals`).
/// Part of the page's one script (`PageScript.text`), sharing its helpers.
enum PageDealsScript {
    static let text = #"""

function drawDealChoices() {
  document.querySelectorAll("select.codes").forEach((select) => {
    const chosen = select.value;
    const names = t(select.dataset.codes);
    select.replaceChildren(...Object.keys(names).map((code) => element("option", { value: code, textContent: names[code] })));
    if (chosen) select.value = chosen;
  });
  const broker = $("#deal-broker");
  const chosen = broker.value;
  const session = state.session;
  const brokers = (state.userList || []).filter((user) => user.role === "broker" && (session.user.role === "admin" || user.id === session.user.id));
  const options = brokers.map((user) => element("option", { value: user.login, textContent: user.displayName }));
  if (session && session.user.role === "admin") options.unshift(element("option", { value: "", textContent: t("noBroker") }));
  broker.replaceChildren(...options);
  if (chosen) broker.value = chosen;
}

function dealFromForm(form) {
  const deal = { contractType: form.contractType.value, signedOn: form.signedOn.value, value: Number(form.value.value),
    seller: form.seller.value.trim(), sellerKind: form.sellerKind.value, buyer: form.buyer.value.trim(), buyerKind: form.buyerKind.value, ipType: form.ipType.value };
  for (const name of ["registrationNumber", "registeredOn", "field", "sellerRegion", "buyerRegion", "resultRecordID"]) {
    const value = form[name].value.trim();
    if (value) deal[name] = value;
  }
  if (form.caseID.value) deal.caseID = Number(form.caseID.value);
  if (form.broker.value) deal.brokers = [{ login: form.broker.value, fee: Number(form.fee.value || 0) }];
  return deal;
}

async function saveDeal(event) {
  event.preventDefault();
  const form = $("#deal");
  $("#deal-error").textContent = ""; $("#deal-note").textContent = "";
  try {
    const saved = await api("POST", "/api/deals", { deal: dealFromForm(form) });
    form.reset();
    drawDealChoices();
    $("#deal-note").textContent = t("dealSaved") + saved.id;
    await loadDeals();
  } catch (error) { $("#deal-error").textContent = error.message; }
}

async function loadDeals() {
  const data = await api("GET", "/api/deals");
  // The newest first: the deal just recorded heads the list.
  const rows = data.deals.slice().reverse().map((deal) => element("tr", {}, [element("td", { textContent: String(deal.id) }), element("td", { textContent: deal.signedOn }),
    element("td", { textContent: t("contractTypes")[deal.contractType] }), element("td", { className: "number", textContent: deal.value.toFixed(2) }),
    element("td", { textContent: deal.seller }), element("td", { textContent: deal.buyer }),
    element("td", { textContent: deal.brokers.map((broker) => broker.login + " " + broker.fee.toFixed(2)).join(", ") })]));
  $("#deal-list tbody").replaceChildren(...rows);
}

// A signed result of a case becomes a deal to complete: the case, the result, and the two
// parties (a demand's enterprise buys what an achievement's holder sells).
async function startDeal(detail, result) {
  show("deals");
  const form = $("#deal");
  form.reset();
  drawDealChoices();
  form.caseID.value = String(detail.id);
  form.resultRecordID.value = result.recordID;
  form.signedOn.value = new Date().toISOString().slice(0, 10);
  const supplyToDemand = ["achievement", "expert", "institution"].includes(detail.target);
  let client = detail.sourceID || "";
  if (detail.sourceID) {
    try {
      const source = await api("GET", "/api/records/" + encodeURIComponent(detail.sourceID));
      if (source.record.enterprise) client = source.record.enterprise;
    } catch (_) { /* the client is named by hand */ }
  }
  form.seller.value = supplyToDemand ? result.recordID : client;
  form.buyer.value = supplyToDemand ? client : result.recordID;
  form.value.focus();
}
"""#
}
