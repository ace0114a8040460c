/// The page's HTML: a sign-in form, the shortlist view (search, filters, results, save,
/// export), a form to add or change a demand, the case list, and a period's statistics. Text is filled in by the script in
/// the chosen language (`data-text` keys); nothing is inline, so the page's content-security
/// policy can forbid inline script.
enum PageHTML {
    static let text = #"""
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>对接 Duijie</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header>
  <h1><span class="mark">对接</span> <span data-text="title"></span></h1>
  <nav id="tabs" hidden>
    <button type="button" data-tab="shortlist" data-text="tabShortlist"></button>
    <button type="button" data-tab="demand" data-text="tabDemand"></button>
    <button type="button" data-tab="cases" data-text="tabCases"></button>
    <button type="button" data-tab="deals" data-text="tabDeals" id="deals-tab"></button>
    <button type="button" data-tab="events" data-text="tabEvents"></button>
    <button type="button" data-tab="stats" data-text="tabStats"></button>
  </nav>
  <div class="who">
    <span id="user-name"></span>
    <button type="button" id="language" title="中文 / English">EN</button>
    <button type="button" id="sign-out" hidden data-text="signOut"></button>
  </div>
</header>
<main>
  <section id="sign-in-view" hidden>
    <form id="sign-in" class="card narrow">
      <h2 data-text="signIn"></h2>
      <label><span data-text="login"></span><input name="login" autocomplete="username" required></label>
      <label><span data-text="password"></span><input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit" data-text="signIn"></button>
      <p class="error" id="sign-in-error" role="alert"></p>
    </form>
  </section>

  <section id="shortlist-view" hidden>
    <form id="query" class="card">
      <div class="row">
        <label class="grow"><span data-text="query"></span><input name="query" id="query-text" required data-placeholder="queryHint"></label>
        <label><span data-text="target"></span>
          <select name="target">
            <option value="achievement" data-text="achievement"></option>
            <option value="expert" data-text="expert"></option>
            <option value="institution" data-text="institution"></option>
            <option value="demand" data-text="demand"></option>
            <option value="enterprise" data-text="enterprise"></option>
          </select>
        </label>
        <label class="small"><span data-text="top"></span><input name="top" type="number" min="1" max="100" value="10"></label>
      </div>
      <details>
        <summary data-text="filters"></summary>
        <div class="row">
          <label><span data-text="region"></span><input name="region" data-placeholder="regionHint"></label>
          <label><input type="checkbox" name="includePaired"> <span data-text="includePaired"></span></label>
          <label><span data-text="field"></span><input name="field" data-placeholder="fieldHint"></label>
          <label><span data-text="minMaturity"></span>
            <select name="minMaturity">
              <option value="" data-text="any"></option>
              <option value="lab" data-text="lab"></option>
              <option value="pilot" data-text="pilot"></option>
              <option value="maturation" data-text="maturation"></option>
              <option value="industrialization" data-text="industrialization"></option>
            </select>
          </label>
          <label><span data-text="mode"></span><input name="mode" data-placeholder="modeHint"></label>
          <label class="small"><span data-text="maxPerInstitution"></span><input name="maxPerInstitution" type="number" min="1" max="100"></label>
          <label class="small"><span data-text="diversity"></span><input name="diversity" type="number" min="0" max="1" step="0.1"></label>
        </div>
      </details>
      <button type="submit" id="rank" data-text="rank"></button>
      <p class="error" id="query-error" role="alert"></p>
    </form>
    <div id="shortlist" class="card" hidden>
      <h2 id="shortlist-title"></h2>
      <ol id="results"></ol>
      <div class="row actions">
        <label class="grow"><span data-text="caseTitle"></span><input id="case-title"></label>
        <label><span data-text="client"></span><select id="case-client"><option value="" data-text="noClient"></option></select></label>
        <button type="button" id="save-case" data-text="saveCase"></button>
      </div>
      <div class="row actions">
        <span data-text="exportFor"></span>
        <button type="button" class="export" data-format="xlsx">Excel (.xlsx)</button>
        <button type="button" class="export" data-format="csv">CSV</button>
        <button type="button" class="export" data-format="md">Markdown</button>
      </div>
      <p class="note" id="shortlist-note" role="status"></p>
    </div>
  </section>

  <section id="demand-view" hidden>
    <form id="demand" class="card">
      <h2 data-text="newDemand"></h2>
      <div class="row">
        <label><span data-text="demandID"></span><input name="id" required pattern="[A-Za-z0-9_.:\-]{1,64}"></label>
        <button type="button" id="load-demand" data-text="loadDemand"></button>
        <label class="grow"><span data-text="demandTitle"></span><input name="title" required></label>
        <label><span data-text="enterpriseID"></span><input name="enterprise" required></label>
      </div>
      <label><span data-text="description"></span><textarea name="description" rows="4"></textarea></label>
      <div class="row">
        <label class="grow"><span data-text="keywords"></span><input name="keywords" data-placeholder="listHint"></label>
        <label class="grow"><span data-text="fields"></span><input name="fields" data-placeholder="listHint"></label>
        <label class="small"><span data-text="budget"></span><input name="budget" type="number" min="0" step="any"></label>
      </div>
      <div class="row">
        <label class="grow"><span data-text="modes"></span><input name="transferModes" data-placeholder="listHint"></label>
        <label><input type="checkbox" name="confidential"> <span data-text="confidential"></span></label>
      </div>
      <button type="submit" data-text="saveDemand"></button>
      <p class="error" id="demand-error" role="alert"></p>
      <p class="note" id="demand-note" role="status"></p>
    </form>
  </section>

  <section id="cases-view" hidden>
    <div class="card">
      <div class="row">
        <h2 class="grow" data-text="cases"></h2>
        <label><input type="checkbox" id="mine-only" checked> <span data-text="mineOnly"></span></label>
      </div>
      <table id="case-list"><thead><tr>
        <th>#</th><th data-text="caseTitle"></th><th data-text="broker"></th><th data-text="created"></th>
      </tr></thead><tbody></tbody></table>
    </div>
    <div id="case-detail" class="card" hidden>
      <h2 id="case-detail-title"></h2>
      <table id="case-results"><thead><tr>
        <th>#</th><th data-text="name"></th><th data-text="score"></th><th data-text="status"></th><th data-text="reasonOrNote"></th><th></th>
      </tr></thead><tbody></tbody></table>
      <h3 data-text="history"></h3>
      <ul id="case-events"></ul>
      <form id="note" class="row">
        <input class="grow" name="text" required data-placeholder="noteHint">
        <button type="submit" data-text="addNote"></button>
      </form>
      <p class="error" id="case-error" role="alert"></p>
    </div>
  </section>
  <section id="deals-view" hidden>
    <form id="deal" class="card">
      <h2 data-text="newDeal"></h2>
      <div class="row">
        <label><span data-text="contractType"></span><select name="contractType" class="codes" data-codes="contractTypes" required></select></label>
        <label><span data-text="signedOn"></span><input type="date" name="signedOn" required></label>
        <label><span data-text="dealValue"></span><input type="number" name="value" min="0" step="0.01" required></label>
        <label><span data-text="ipType"></span><select name="ipType" class="codes" data-codes="ipTypes" required></select></label>
      </div>
      <div class="row">
        <label class="grow"><span data-text="seller"></span><input name="seller" required maxlength="200" data-placeholder="partyHint"></label>
        <label><span data-text="sellerKind"></span><select name="sellerKind" class="codes" data-codes="partyKinds" required></select></label>
        <label class="grow"><span data-text="buyer"></span><input name="buyer" required maxlength="200" data-placeholder="partyHint"></label>
        <label><span data-text="buyerKind"></span><select name="buyerKind" class="codes" data-codes="partyKinds" required></select></label>
      </div>
      <div class="row">
        <label><span data-text="registrationNumber"></span><input name="registrationNumber" maxlength="40"></label>
        <label><span data-text="registeredOn"></span><input type="date" name="registeredOn"></label>
        <label><span data-text="field"></span><input name="field" maxlength="100"></label>
        <label><span data-text="sellerRegion"></span><input name="sellerRegion" maxlength="100"></label>
        <label><span data-text="buyerRegion"></span><input name="buyerRegion" maxlength="100"></label>
      </div>
      <div class="row">
        <label><span data-text="broker"></span><select name="broker" id="deal-broker"></select></label>
        <label><span data-text="fee"></span><input type="number" name="fee" min="0" step="0.01"></label>
        <label><span data-text="caseID"></span><input type="number" name="caseID" min="1"></label>
        <label><span data-text="resultRecordID"></span><input name="resultRecordID" maxlength="200"></label>
        <button type="submit" data-text="saveDeal"></button>
      </div>
      <p class="error" id="deal-error" role="alert"></p>
      <p class="note" id="deal-note" role="status"></p>
    </form>
    <div class="card">
      <h2 data-text="dealList"></h2>
      <table id="deal-list"><thead><tr>
        <th>#</th><th data-text="signedOn"></th><th data-text="contractType"></th><th data-text="dealValue"></th><th data-text="seller"></th><th data-text="buyer"></th><th data-text="brokers"></th>
      </tr></thead><tbody></tbody></table>
    </div>
  </section>
  <section id="events-view" hidden>
    <div id="event-plan" class="card">
      <h2 data-text="planTitle"></h2>
      <p class="hint" data-text="planHint"></p>
      <div class="plan-files">
        <label><span data-text="kind_participants"></span><input type="file" data-kind="participants" accept=".csv,.jsonl,.txt"></label>
        <textarea data-kind="participants" rows="5" maxlength="1000000"></textarea>
        <label><span data-text="kind_slots"></span><input type="file" data-kind="slots" accept=".csv,.jsonl,.txt"></label>
        <textarea data-kind="slots" rows="3" maxlength="1000000"></textarea>
        <label><span data-text="kind_requests"></span><input type="file" data-kind="requests" accept=".csv,.jsonl,.txt"></label>
        <textarea data-kind="requests" rows="2" maxlength="1000000"></textarea>
        <label><span data-text="kind_locked"></span><input type="file" data-kind="locked" accept=".csv,.jsonl,.txt"></label>
        <textarea data-kind="locked" rows="2" maxlength="1000000"></textarea>
        <label><span data-text="kind_event"></span><input type="file" data-kind="event" accept=".json"></label>
        <textarea data-kind="event" rows="2" maxlength="100000"></textarea>
      </div>
      <div class="row">
        <button type="button" id="plan-generate" data-text="generatePlan"></button>
        <button type="button" id="plan-replan" data-text="replanPlan" disabled></button>
        <button type="button" id="plan-approve" data-text="approvePlan" disabled></button>
        <button type="button" id="plan-download" data-text="downloadPlan" disabled></button>
      </div>
      <p class="error" id="plan-error" role="alert"></p>
      <div id="plan-result" hidden>
        <p id="plan-summary"></p>
        <ul id="plan-notes"></ul>
        <pre id="plan-changes" hidden></pre>
        <table id="plan-meetings"><thead><tr>
          <th data-text="time"></th><th data-text="table"></th><th data-text="demandSide"></th><th data-text="supplySide"></th><th data-text="note"></th>
        </tr></thead><tbody></tbody></table>
      </div>
    </div>
    <div class="card">
      <h2 data-text="eventsTitle"></h2>
      <table id="event-list"><thead><tr>
        <th>#</th><th data-text="event"></th><th data-text="heldOn"></th><th data-text="place"></th><th data-text="meetings"></th>
      </tr></thead><tbody></tbody></table>
    </div>
    <div id="event-detail" class="card" hidden>
      <h2 id="event-detail-title"></h2>
      <table id="meeting-list"><thead><tr>
        <th data-text="demandSide"></th><th data-text="supplySide"></th><th data-text="slotTable"></th><th data-text="ratingsSoFar"></th><th data-text="rate"></th>
      </tr></thead><tbody></tbody></table>
      <p class="error" id="event-error" role="alert"></p>
    </div>
  </section>
  <section id="stats-view" hidden>
    <form id="stats-query" class="card row">
      <label><span data-text="period"></span><input name="period" required maxlength="40" data-placeholder="periodHint"></label>
      <button type="submit" data-text="showStats"></button>
      <p class="error grow" id="stats-error" role="alert"></p>
    </form>
    <div id="stats" class="card" hidden>
      <h2 id="stats-title"></h2>
      <div id="stats-tables"></div>
    </div>
  </section>
</main>
</body>
</html>
"""#
}
