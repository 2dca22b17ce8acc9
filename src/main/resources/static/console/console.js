// Fangpin reviewer console: reads the assessment and review API (api.md) from the browser.
// Plain JavaScript, no build step and no external resource. Every fetch is same-origin with the browser's
// credentials, so when the API asks for HTTP Basic the browser prompts and then sends them; nothing here
// knows a password.
'use strict';

(() => {
  // ---- UI strings, both languages. Labels of codes come from the catalogue; these are the page's own. ----
  const STRINGS = {
    zh: {
      title: '防贫复核台',
      searchLabel: '农户编号或评估编号',
      searchPlaceholder: '农户编号或评估编号',
      search: '查询',
      intro: '输入农户编号查看其历次评估，或输入评估编号查看一次评估的结论、依据和追溯。',
      footer: '防贫 · 防止返贫动态监测和帮扶机制',
      loading: '加载中……',
      notFound: '没有找到“{0}”的评估记录。',
      noHistory: '农户 {0} 没有评估记录。',
      historyTitle: '评估历史',
      historyOf: '农户 {0}，共 {1} 次评估',
      timelineAria: '各次评估的监测类别',
      open: '查看',
      current: '当前',
      supersedes: '更正了 {0}',
      decisionTitle: '评估结论',
      assessment: '评估编号',
      household: '农户编号',
      asOf: '评估基准日',
      assessedAt: '评估时间',
      ruleSetVersion: '规则集版本',
      riskGroup: '监测类别',
      tier: '帮扶层级',
      riskTypes: '风险类型',
      signals: '风险信号',
      none: '无',
      notApplicable: '不适用',
      income: '收入与监测标准',
      householdSize: '家庭人口',
      persons: '{0} 人',
      netIncome: '家庭纯收入',
      rigidExpenses: '刚性支出',
      perCapita: '人均纯收入',
      afterRigid: '扣除刚性支出后人均收入',
      threshold: '监测标准',
      below: '低于标准',
      notBelow: '不低于标准',
      yuan: '{0} 元',
      explanation: '说明',
      measures: '帮扶措施',
      measure: '措施',
      category: '类别',
      priority: '优先级',
      amount: '金额',
      reasons: '依据',
      noMeasures: '没有建议的帮扶措施。',
      elimination: '风险消除核查',
      eliminationNotMonitored: '该户未处于监测中，不做风险消除核查。',
      eligible: '可以标注风险消除',
      notEligible: '暂不能标注风险消除',
      met: '满足',
      unmet: '未满足',
      alerts: '预警',
      noAlerts: '无预警。',
      traceTitle: '规则追溯',
      traceHint: '按规则文件（环节）分组，依触发顺序列出每条规则、所依条款、说明和匹配到的值。',
      stageResult: '得出',
      firings: '{0} 条规则触发',
      rule: '规则',
      clause: '条款',
      description: '说明',
      reference: '出处',
      bindings: '匹配的值',
      parameters: '使用的参数',
      paramName: '参数',
      paramValue: '值',
      effectiveFrom: '生效日期',
      source: '来源',
      scope: '适用范围',
      stage_derived: '推导值',
      stage_signals: '风险信号',
      'stage_risk-group': '监测类别',
      stage_classify: '风险类型与帮扶层级',
      stage_measures: '帮扶措施',
      stage_elimination: '风险消除',
      'stage_early-warning': '预警',
      whyNotTitle: '为什么没有……（未得出的类别、层级和措施）',
      whyNotHint: '对每个未得出的结果，列出可能得出它的每条规则及其条件的满足情况。',
      whyNotGroups: '监测类别',
      whyNotTiers: '帮扶层级',
      whyNotMeasures: '帮扶措施',
      whyNotNothing: '无。',
      conditionMet: '条件满足',
      conditionUnmet: '条件不满足',
      reviewTitle: '复核',
      replayTitle: '重放',
      replayHint: '用评估时的规则集版本重新计算，并与现行规则集的结果比较。',
      replayRun: '重放',
      identical: '与存档结果一致',
      notIdentical: '与存档结果不一致',
      defects: '不一致之处',
      activeSame: '现行规则集与评估时相同',
      activeDifferent: '现行规则集已更新',
      storedVersion: '评估时版本',
      activeVersion: '现行版本',
      stored: '存档结果',
      active: '现行规则结果',
      noDifferences: '结果没有差异。',
      field: '字段',
      before: '原值',
      after: '新值',
      rulesOnlyIn: '仅在{0}中触发的规则',
      whatIfTitle: '假设分析',
      whatIfHint: '以 JSON Merge Patch 修改原始输入，用现行规则集计算，不保存。',
      whatIfRun: '计算',
      original: '原评估',
      whatIf: '假设情形',
      badJson: '补丁不是有效的 JSON：{0}',
      sensitivityTitle: '收入敏感性',
      sensitivityHint: '家庭纯收入变化多少会改变监测类别。',
      increase: '收入增加',
      decrease: '收入减少',
      sensitivityMove: '{0}（家庭纯收入 {1}）→ {2}',
      unreachable: '仅靠收入变化不会改变监测类别',
      downloadsTitle: '下载',
      exportJson: '评估记录（JSON，个人信息已脱敏）',
      historyCsv: '农户评估历史（CSV）',
      error: '请求失败（{0}）：{1}',
      category_SUBSIDY: '保障类',
      category_INDUSTRY: '产业类',
      category_EMPLOYMENT: '就业类',
      reportNav: '报表',
      reportTitle: '监测报表',
      reportHint: '各户按其最新评估计入（按月走势按每月末当日有效的评估计入）。点击任一数字、点或柱，列出其背后的农户。',
      county: '县（区）',
      township: '乡（镇）',
      village: '村',
      from: '起始日期',
      to: '截止日期',
      apply: '更新',
      regionAll: '全部地区',
      householdsCounted: '共 {0} 户',
      noHouseholds: '该地区在此期间没有评估记录。',
      seriesTitle: '各监测类别户数（按月）',
      seriesDesc: '{0} 至 {1} 每月末各监测类别的户数，每户以当日有效的评估计入。',
      month: '月份',
      householdCount: '户数',
      total: '合计',
      histogramTitle: '监测户人均纯收入分布',
      histogramDesc: '监测户（无监测风险以外）按人均纯收入每 1,000 元一档的户数；竖虚线为监测标准 {0}。',
      incomeAxis: '人均纯收入（元）',
      band: '收入档',
      bandRange: '{0}–{1} 元',
      bandNegative: '低于 0 元',
      belowThreshold: '低于监测标准',
      noMonitored: '没有监测户。',
      dataTable: '数据表',
      figuresTitle: '全部数字',
      figureKind: '类别',
      figureCode: '项目',
      kind_households: '农户',
      kind_riskGroup: '监测类别',
      kind_riskType: '风险类型',
      kind_tier: '帮扶层级',
      kind_caseState: '案件状态',
      kind_measureRecommended: '建议措施',
      kind_measureApplied: '已落实措施',
      kind_incomeBand: '监测户人均纯收入',
      kind_eliminated: '期间标注风险消除',
      kind_identificationOverdue: '逾期未识别',
      allHouseholds: '全部农户',
      caseState_SIGNALLED: '已预警',
      caseState_IDENTIFIED: '已识别',
      caseState_ASSISTED: '已帮扶',
      caseState_ELIMINATED: '已消除风险',
      caseState_NOT_INCLUDED: '不纳入',
      drillTitle: '数字背后的农户',
      drillOn: '{0} 当日',
      drillBack: '返回报表',
      drillBad: '这不是报表数字的明细地址。',
      drillNone: '没有农户。',
      drillCount: '{0} 户',
    },
    en: {
      title: 'Fangpin reviewer console',
      searchLabel: 'Household id or assessment id',
      searchPlaceholder: 'Household id or assessment id',
      search: 'Search',
      intro: 'Enter a household id to see its assessments over time, or an assessment id to see one decision, its reasons and its trace.',
      footer: 'Fangpin · dynamic monitoring and assistance mechanism',
      loading: 'Loading…',
      notFound: 'No assessment found for “{0}”.',
      noHistory: 'Household {0} has no assessments.',
      historyTitle: 'History',
      historyOf: 'Household {0}, {1} assessment(s)',
      timelineAria: 'Risk group of each assessment',
      open: 'Open',
      current: 'current',
      supersedes: 'corrects {0}',
      decisionTitle: 'Decision',
      assessment: 'Assessment',
      household: 'Household',
      asOf: 'As of',
      assessedAt: 'Assessed at',
      ruleSetVersion: 'Rule set version',
      riskGroup: 'Risk group',
      tier: 'Assistance tier',
      riskTypes: 'Risk types',
      signals: 'Signals',
      none: 'none',
      notApplicable: 'not applicable',
      income: 'Income against the threshold',
      householdSize: 'Household size',
      persons: '{0} person(s)',
      netIncome: 'Net income',
      rigidExpenses: 'Rigid expenses',
      perCapita: 'Per-capita net income',
      afterRigid: 'Per capita after rigid expenses',
      threshold: 'Monitoring threshold',
      below: 'below the threshold',
      notBelow: 'not below the threshold',
      yuan: '{0} yuan',
      explanation: 'Explanation',
      measures: 'Measures',
      measure: 'Measure',
      category: 'Category',
      priority: 'Priority',
      amount: 'Amount',
      reasons: 'Reasons',
      noMeasures: 'No measures recommended.',
      elimination: 'Risk elimination check',
      eliminationNotMonitored: 'The household is not monitored, so there is no elimination check.',
      eligible: 'The risk can be marked eliminated',
      notEligible: 'The risk cannot be marked eliminated yet',
      met: 'met',
      unmet: 'not met',
      alerts: 'Alerts',
      noAlerts: 'No alerts.',
      traceTitle: 'Trace',
      traceHint: 'Grouped by rule file (stage), in firing order: each rule, the clause it implements, what it says and the values it matched.',
      stageResult: 'gives',
      firings: '{0} rule(s) fired',
      rule: 'Rule',
      clause: 'Clause',
      description: 'Description',
      reference: 'Reference',
      bindings: 'Matched values',
      parameters: 'Parameters used',
      paramName: 'Parameter',
      paramValue: 'Value',
      effectiveFrom: 'Effective from',
      source: 'Source',
      scope: 'Scope',
      stage_derived: 'Derived values',
      stage_signals: 'Signals',
      'stage_risk-group': 'Risk group',
      stage_classify: 'Risk types and tier',
      stage_measures: 'Measures',
      stage_elimination: 'Risk elimination',
      'stage_early-warning': 'Early warning',
      whyNotTitle: 'Why not… (groups, tiers and measures not given)',
      whyNotHint: 'For each result not given, every rule that could give it, with each of its conditions met or not.',
      whyNotGroups: 'Risk groups',
      whyNotTiers: 'Tiers',
      whyNotMeasures: 'Measures',
      whyNotNothing: 'None.',
      conditionMet: 'condition met',
      conditionUnmet: 'condition not met',
      reviewTitle: 'Review',
      replayTitle: 'Replay',
      replayHint: 'Re-run on the rule set version the assessment was made with, and compare with the rules in force.',
      replayRun: 'Replay',
      identical: 'Identical to the stored result',
      notIdentical: 'Differs from the stored result',
      defects: 'Differences',
      activeSame: 'The rules in force are the same version',
      activeDifferent: 'The rules in force have changed',
      storedVersion: 'Version at assessment',
      activeVersion: 'Version in force',
      stored: 'Stored',
      active: 'Rules in force',
      noDifferences: 'No differences in the result.',
      field: 'Field',
      before: 'Before',
      after: 'After',
      rulesOnlyIn: 'Rules that fired only in: {0}',
      whatIfTitle: 'What-if',
      whatIfHint: 'Change the original input with a JSON merge patch and evaluate it on the rules in force. Nothing is stored.',
      whatIfRun: 'Evaluate',
      original: 'Original',
      whatIf: 'What-if',
      badJson: 'The patch is not valid JSON: {0}',
      sensitivityTitle: 'Income sensitivity',
      sensitivityHint: 'How much the net income must change to move the household to another risk group.',
      increase: 'Income up',
      decrease: 'Income down',
      sensitivityMove: '{0} (net income {1}) → {2}',
      unreachable: 'Income alone does not change the risk group',
      downloadsTitle: 'Downloads',
      exportJson: 'Assessment (JSON, personal data masked)',
      historyCsv: 'Household history (CSV)',
      error: 'Request failed ({0}): {1}',
      category_SUBSIDY: 'Subsidy',
      category_INDUSTRY: 'Industry',
      category_EMPLOYMENT: 'Employment',
      reportNav: 'Report',
      reportTitle: 'Monitoring report',
      reportHint: 'Every household counts by its latest assessment (month by month, by its assessment in force at the month\'s end). Any number, point or bar opens the households behind it.',
      county: 'County',
      township: 'Township',
      village: 'Village',
      from: 'From',
      to: 'To',
      apply: 'Update',
      regionAll: 'All regions',
      householdsCounted: '{0} household(s)',
      noHouseholds: 'No household of the region has an assessment in this period.',
      seriesTitle: 'Households by risk group, month by month',
      seriesDesc: 'Households in each risk group at the end of every month from {0} to {1}, each by its assessment in force that day.',
      month: 'Month',
      householdCount: 'Households',
      total: 'Total',
      histogramTitle: 'Per-capita net income of monitored households',
      histogramDesc: 'Monitored households (any group but not at risk) in 1,000-yuan bands of per-capita net income; the dashed line is the monitoring threshold of {0}.',
      incomeAxis: 'Per-capita net income (yuan)',
      band: 'Income band',
      bandRange: '{0}–{1} yuan',
      bandNegative: 'below 0 yuan',
      belowThreshold: 'below the threshold',
      noMonitored: 'No monitored household.',
      dataTable: 'Data',
      figuresTitle: 'All figures',
      figureKind: 'Figure',
      figureCode: 'Item',
      kind_households: 'Households',
      kind_riskGroup: 'Risk group',
      kind_riskType: 'Risk type',
      kind_tier: 'Assistance tier',
      kind_caseState: 'Case state',
      kind_measureRecommended: 'Measure recommended',
      kind_measureApplied: 'Measure applied',
      kind_incomeBand: 'Per-capita income of monitored households',
      kind_eliminated: 'Eliminated in the period',
      kind_identificationOverdue: 'Identification overdue',
      allHouseholds: 'All households',
      caseState_SIGNALLED: 'Signalled',
      caseState_IDENTIFIED: 'Identified',
      caseState_ASSISTED: 'Assisted',
      caseState_ELIMINATED: 'Eliminated',
      caseState_NOT_INCLUDED: 'Not included',
      drillTitle: 'Households behind a figure',
      drillOn: 'on {0}',
      drillBack: 'Back to the report',
      drillBad: 'This is not the address of a report figure.',
      drillNone: 'No household.',
      drillCount: '{0} household(s)',
    },
  };

  // Colours of the risk groups, shared by the badges and the timeline.
  const GROUP_COLOURS = {
    UNSTABLE_LIFTED: '#c0392b',
    SUDDEN_HARDSHIP: '#8e44ad',
    MARGINAL: '#d68910',
    NOT_AT_RISK: '#1e8449',
  };

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  const state = {
    lang: 'zh',
    catalogue: null,
    assessment: null,
  };

  // ---- small helpers ----

  const $ = (id) => document.getElementById(id);

  function t(key, ...args) {
    const text = STRINGS[state.lang][key] ?? STRINGS.zh[key] ?? key.replace(/^[a-z]+_/, '');
    return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }

  /** Builds an element: h('td', {class: 'x'}, 'text', child). Text is always text, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? '' : value);
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** The same element, created in SVG's namespace. */
  function s(tag, attrs, ...children) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value);
    }
    return append(el, children);
  }

  function fill(id, ...children) {
    const el = $(id);
    el.replaceChildren();
    return append(el, children);
  }

  function show(id, visible = true) {
    $(id).hidden = !visible;
  }

  /** Items joined as the page's language lists them. */
  function list(items) {
    return items.join(state.lang === 'en' ? ', ' : '、');
  }

  function acceptLanguage() {
    return state.lang === 'en' ? 'en' : 'zh-CN';
  }

  function locale() {
    return state.lang === 'en' ? 'en' : 'zh-CN';
  }

  function money(value) {
    if (value === null || value === undefined) return '—';
    return new Intl.NumberFormat(locale(), { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
  }

  function yuan(value) {
    return value === null || value === undefined ? '—' : t('yuan', money(value));
  }

  function instant(value) {
    if (!value) return '—';
    const date = new Date(value);
    return isNaN(date) ? value : date.toLocaleString(locale(), { hour12: false });
  }

  function shortVersion(version) {
    return version ? version.replace(/^sha256:/, '').slice(0, 12) : '—';
  }

  /** A value from the API as text: a {zh, en} pair in the page's language, a list joined, a fact by its fields. */
  function text(value) {
    if (value === null || value === undefined) return '—';
    if (Array.isArray(value)) return value.length ? list(value.map(text)) : '[]';
    if (typeof value === 'object') {
      if ('zh' in value && 'en' in value) return state.lang === 'en' ? value.en : value.zh;
      if ('code' in value && 'name' in value) return `${text(value.name)} (${value.code})`;
      if ('fact' in value) {
        const fields = Object.entries(value).filter(([k]) => k !== 'fact').map(([k, v]) => `${k}=${text(v)}`);
        return `${value.fact}(${fields.join(', ')})`;
      }
      return JSON.stringify(value);
    }
    if (typeof value === 'number') return money(value);
    return String(value);
  }

  // ---- the catalogue: labels and clauses of every code ----

  function entry(section, code) {
    const list = (state.catalogue && state.catalogue[section]) || [];
    return list.find((item) => item.code === code) || null;
  }

  function label(section, code) {
    const item = entry(section, code);
    if (!item) return code;
    return (item.labels && item.labels[state.lang === 'en' ? 'en' : 'zh-CN']) || item.label || code;
  }

  function clause(section, code) {
    const item = entry(section, code);
    return item ? item.clause : null;
  }

  function clauseChip(value) {
    return value ? h('span', { class: 'clause', title: t('clause') }, value) : null;
  }

  function codeChip(value) {
    return h('code', { class: 'code' }, value);
  }

  function groupBadge(code) {
    if (!code) return h('span', { class: 'muted' }, '—');
    return h('span', {
      class: 'group-badge',
      'data-group': code,
      style: `--group:${GROUP_COLOURS[code] || '#566573'}`,
    }, label('riskGroups', code));
  }

  // ---- fetching ----

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  /**
   * The API's address on this origin. Resolved against location.origin, not the page's address, so that a page
   * opened at an address that carries a user name and password can still fetch (such an address cannot be
   * fetched); the browser answers the API's Basic challenge with the credentials it holds for this origin.
   */
  function apiUrl(path) {
    return new URL(path, location.origin).href;
  }

  async function api(path, options = {}) {
    const response = await fetch(apiUrl(path), {
      ...options,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': acceptLanguage(),
        ...(options.headers || {}),
      },
    });
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      }
      catch (ignored) {
        // not a problem document; the status says enough
      }
      throw new ApiError(response.status, problem);
    }
    return response.json();
  }

  function problemView(error) {
    const problem = error.problem || {};
    return h('div', { class: 'error' },
      h('p', null, t('error', error.status ?? '—', error.message)),
      Array.isArray(problem.errors) && problem.errors.length
        ? h('ul', null, problem.errors.map((e) => h('li', null, codeChip(e.field), ' ', e.message)))
        : null);
  }

  function message(content, kind = 'info') {
    const el = $('message');
    el.className = `message ${kind}`;
    el.replaceChildren();
    if (content) append(el, [content]);
    el.hidden = !content;
  }

  // ---- page state in the address: ?assessment=, ?household=, ?lang=, ?whatif=, ?replay= ----

  /** Leaving the report: its parameters leave the address. */
  const NOT_REPORT = { report: null, drill: null, county: null, township: null, village: null, from: null, to: null };

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function setAddress(changes, push) {
    const query = params();
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === undefined) query.delete(name);
      else query.set(name, value);
    }
    const address = `${window.location.pathname}?${query.toString()}`;
    if (push) window.history.pushState(null, '', address);
    else window.history.replaceState(null, '', address);
  }

  // ---- language ----

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    }
    for (const button of document.querySelectorAll('.lang button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
    }
    $('nav-report').href = consoleAddress({ report: '' });
  }

  async function switchLanguage(lang) {
    if (lang === state.lang) return;
    state.lang = lang;
    try {
      window.localStorage.setItem('fangpin.console.lang', lang);
    }
    catch (ignored) {
      // storage may be disabled; the address still carries the language
    }
    setAddress({ lang }, false);
    await load();
  }

  // ---- loading ----

  async function load() {
    document.documentElement.dataset.state = 'loading';
    applyLanguage();
    const query = params();
    try {
      state.catalogue = await api('/api/v1/catalogue');
      const assessment = query.get('assessment');
      const household = query.get('household');
      if (assessment) {
        $('query').value = assessment;
        await openAssessment(assessment);
        if (query.get('replay')) await runReplay();
        if (query.get('whatif')) {
          $('what-if-patch').value = query.get('whatif');
          await runWhatIf();
        }
      }
      else if (household) {
        $('query').value = household;
        await openHousehold(household);
      }
      else if (query.get('drill')) {
        await openDrill(query.get('drill'));
      }
      else if (query.has('report')) {
        await openReport(query);
      }
      document.documentElement.dataset.state = 'ready';
    }
    catch (error) {
      message(problemView(error), 'error');
      document.documentElement.dataset.state = 'error';
    }
  }

  function clear() {
    message(null);
    for (const id of ['history', 'decision', 'trace', 'why-not', 'review', 'downloads', 'report', 'drill']) show(id, false);
    for (const id of ['replay-body', 'what-if-body', 'sensitivity-body']) fill(id);
  }

  async function search(query) {
    query = query.trim();
    if (!query) return;
    document.documentElement.dataset.state = 'loading';
    try {
      if (UUID.test(query)) {
        try {
          await api(`/api/v1/assessments/${encodeURIComponent(query)}`);
          setAddress({ assessment: query, household: null, whatif: null, replay: null, ...NOT_REPORT }, true);
          await load();
          return;
        }
        catch (error) {
          if (error.status !== 404) throw error;
        }
      }
      setAddress({ household: query, assessment: null, whatif: null, replay: null, ...NOT_REPORT }, true);
      await load();
    }
    catch (error) {
      message(problemView(error), 'error');
      document.documentElement.dataset.state = 'error';
    }
  }

  async function openHousehold(householdId) {
    clear();
    const history = await api(`/api/v1/households/${encodeURIComponent(householdId)}/assessments`);
    if (!history.length) {
      message(t('noHistory', householdId), 'info');
      return;
    }
    // the newest assessment is the one a reviewer usually wants; the address then names it
    setAddress({ assessment: history[0].id, household: null }, false);
    await openAssessment(history[0].id, history);
  }

  async function openAssessment(id, knownHistory) {
    clear();
    show('intro', false);
    let assessment;
    try {
      assessment = await api(`/api/v1/assessments/${encodeURIComponent(id)}`);
    }
    catch (error) {
      if (error.status === 404) {
        message(t('notFound', id), 'info');
        return;
      }
      throw error;
    }
    state.assessment = assessment;
    renderDecision(assessment);
    renderTrace(assessment);
    renderDownloads(assessment);
    show('review');
    const base = `/api/v1/assessments/${encodeURIComponent(id)}`;
    const [history, whyNot, sensitivity] = await Promise.allSettled([
      knownHistory ? Promise.resolve(knownHistory)
        : api(`/api/v1/households/${encodeURIComponent(assessment.householdId)}/assessments`),
      api(`${base}/why-not`),
      api(`${base}/sensitivity`),
    ]);
    show('history'); // first, so that the timeline can measure the width it has
    if (history.status === 'fulfilled') {
      renderHistory(assessment.householdId, history.value, id);
    }
    else fill('history-body', problemView(history.reason));
    if (whyNot.status === 'fulfilled') renderWhyNot(whyNot.value);
    else fill('why-not-body', problemView(whyNot.reason));
    show('why-not');
    if (sensitivity.status === 'fulfilled') renderSensitivity(sensitivity.value);
    else fill('sensitivity-body', problemView(sensitivity.reason));
  }

  // ---- history: a timeline chart and a list ----

  function renderHistory(householdId, history, currentId) {
    const ordered = [...history].sort((a, b) =>
      (a.asOf || '').localeCompare(b.asOf || '') || (a.assessedAt || '').localeCompare(b.assessedAt || ''));
    fill('history-body',
      h('p', { class: 'muted' }, t('historyOf', householdId, history.length)),
      timeline(ordered, currentId),
      h('ol', { class: 'history-list', reversed: true },
        [...ordered].reverse().map((item) => h('li', { class: item.id === currentId ? 'current' : null, 'data-assessment': item.id },
          h('span', { class: 'dot', style: `--group:${GROUP_COLOURS[item.riskGroup] || '#566573'}` }),
          h('time', { datetime: item.asOf }, item.asOf),
          groupBadge(item.riskGroup),
          item.assistanceTier ? h('span', null, label('tiers', item.assistanceTier)) : null,
          h('span', { class: 'muted' }, `${t('perCapita')} ${yuan(item.income && item.income.perCapitaNetIncome)}`),
          h('span', { class: 'muted small' }, `${t('assessedAt')} ${instant(item.assessedAt)}`),
          item.supersedes ? h('span', { class: 'muted small' }, t('supersedes', item.supersedes.slice(0, 8))) : null,
          item.id === currentId
            ? h('strong', { class: 'small' }, t('current'))
            : h('a', { href: consoleLink(item.id), onclick: (event) => navigate(event, item.id) }, t('open'))))));
  }

  function consoleLink(id) {
    const query = new URLSearchParams({ assessment: id });
    if (state.lang === 'en') query.set('lang', 'en');
    return `/console?${query.toString()}`;
  }

  function navigate(event, id) {
    event.preventDefault();
    setAddress({ assessment: id, household: null, whatif: null, replay: null, ...NOT_REPORT }, true);
    load();
  }

  function timeline(ordered, currentId) {
    const groups = ((state.catalogue && state.catalogue.riskGroups) || []).map((g) => g.code);
    for (const item of ordered) if (item.riskGroup && !groups.includes(item.riskGroup)) groups.push(item.riskGroup);
    const lane = 34;
    const left = 190;
    const top = 16;
    const available = $('history-body').clientWidth || 900;
    // points spread over the panel, but never closer than a date label needs
    const step = Math.max(90, Math.min(180, (available - left - 20) / Math.max(ordered.length, 1)));
    const width = Math.max(available, left + step * ordered.length + 20);
    const height = top + lane * groups.length + 40;
    const y = (code) => top + lane * groups.indexOf(code) + lane / 2;
    const x = (i) => left + step * i + step / 2;
    const svg = s('svg', {
      class: 'timeline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': t('timelineAria'),
    });
    groups.forEach((code, i) => {
      svg.append(
        s('rect', { x: 0, y: top + lane * i, width, height: lane, class: i % 2 ? 'lane odd' : 'lane' }),
        s('text', { x: 8, y: top + lane * i + lane / 2 + 5, class: 'lane-label', fill: GROUP_COLOURS[code] || '#333' },
          label('riskGroups', code)));
    });
    const points = ordered.filter((item) => groups.includes(item.riskGroup));
    if (points.length > 1) {
      svg.append(s('polyline', {
        class: 'path', points: points.map((item) => `${x(ordered.indexOf(item))},${y(item.riskGroup)}`).join(' '),
      }));
    }
    ordered.forEach((item, i) => {
      const current = item.id === currentId;
      const link = s('a', { href: consoleLink(item.id), onclick: (event) => navigate(event, item.id) },
        s('title', null, `${item.asOf} · ${label('riskGroups', item.riskGroup)}`),
        current ? s('circle', { cx: x(i), cy: y(item.riskGroup), r: 12, class: 'ring' }) : null,
        s('circle', {
          cx: x(i), cy: y(item.riskGroup), r: 8, fill: GROUP_COLOURS[item.riskGroup] || '#566573',
          'data-assessment': item.id, 'data-group': item.riskGroup,
        }));
      svg.append(link,
        s('text', { x: x(i), y: height - 12, class: current ? 'date current' : 'date', 'text-anchor': 'middle' }, item.asOf));
    });
    return h('div', { class: 'timeline-wrap' }, svg);
  }

  // ---- one assessment's decision ----

  function renderDecision(a) {
    const facts = h('dl', { class: 'facts' },
      h('dt', null, t('assessment')), h('dd', null, codeChip(a.id)),
      h('dt', null, t('household')), h('dd', null, codeChip(a.householdId)),
      h('dt', null, t('asOf')), h('dd', null, a.asOf),
      h('dt', null, t('assessedAt')), h('dd', null, instant(a.assessedAt)),
      h('dt', null, t('ruleSetVersion')), h('dd', { title: a.ruleSetVersion }, codeChip(shortVersion(a.ruleSetVersion))),
      a.supersedes ? [h('dt', null, t('supersedes', '')),
        h('dd', null, h('a', { href: consoleLink(a.supersedes), onclick: (e) => navigate(e, a.supersedes) },
          codeChip(a.supersedes)))] : null);

    const headline = h('div', { class: 'headline' },
      h('div', { class: 'card group-card', style: `--group:${GROUP_COLOURS[a.riskGroup] || '#566573'}` },
        h('div', { class: 'card-label' }, t('riskGroup')),
        h('div', { class: 'card-value' }, groupBadge(a.riskGroup), clauseChip(clause('riskGroups', a.riskGroup))),
        h('div', { class: 'muted small' }, codeChip(a.riskGroup))),
      h('div', { class: 'card' },
        h('div', { class: 'card-label' }, t('tier')),
        h('div', { class: 'card-value', 'data-tier': a.assistanceTier || '' },
          a.assistanceTier ? [label('tiers', a.assistanceTier), clauseChip(clause('tiers', a.assistanceTier))]
            : h('span', { class: 'muted' }, t('notApplicable')))),
      h('div', { class: 'card' },
        h('div', { class: 'card-label' }, t('riskTypes')),
        h('div', { class: 'card-value chips' },
          a.riskTypes.length ? a.riskTypes.map((code) => h('span', { class: 'chip', 'data-risk-type': code },
            label('riskTypes', code), clauseChip(clause('riskTypes', code)))) : h('span', { class: 'muted' }, t('none')))),
      h('div', { class: 'card' },
        h('div', { class: 'card-label' }, t('signals')),
        h('div', { class: 'card-value chips' },
          a.signals.length ? a.signals.map((code) => h('span', { class: 'chip', 'data-signal': code },
            label('signals', code), clauseChip(clause('signals', code)))) : h('span', { class: 'muted' }, t('none')))));

    fill('decision-body', facts, headline,
      h('div', { class: 'two-columns' },
        h('div', null, h('h3', null, t('income')), incomeView(a.income)),
        h('div', null, h('h3', null, t('explanation')),
          h('ol', { class: 'explanation' }, a.explanation.map((sentence) => h('li', null, sentence))))),
      h('h3', null, t('measures')), measuresView(a.measures),
      h('div', { class: 'two-columns' },
        h('div', null, h('h3', null, t('elimination')), eliminationView(a.elimination)),
        h('div', null, h('h3', null, t('alerts')), alertsView(a.alerts))));
    show('decision');
  }

  function incomeView(income) {
    if (!income) return h('p', { class: 'muted' }, '—');
    const threshold = Number(income.threshold);
    const rows = [
      ['perCapita', income.perCapitaNetIncome],
      ['afterRigid', income.perCapitaAfterRigidExpenses],
    ];
    const max = Math.max(threshold, ...rows.map(([, v]) => Number(v) || 0)) * 1.15 || 1;
    const percent = (v) => `${Math.max(0, Math.min(100, (Number(v) / max) * 100)).toFixed(1)}%`;
    return h('div', { class: 'income' },
      h('dl', { class: 'facts compact' },
        h('dt', null, t('householdSize')), h('dd', null, t('persons', income.householdSize)),
        h('dt', null, t('netIncome')), h('dd', null, yuan(income.netIncome)),
        h('dt', null, t('rigidExpenses')), h('dd', null, yuan(income.rigidExpenses)),
        h('dt', null, t('threshold')), h('dd', null, yuan(income.threshold))),
      rows.map(([key, value]) => {
        const below = value !== null && value !== undefined && Number(value) < threshold;
        return h('div', { class: 'bar-row' },
          h('div', { class: 'bar-label' }, t(key), ' ', h('strong', null, yuan(value)),
            h('span', { class: below ? 'flag bad' : 'flag good' }, below ? t('below') : t('notBelow'))),
          h('div', { class: 'bar' },
            h('div', { class: below ? 'bar-fill bad' : 'bar-fill good', style: `width:${percent(value)}` }),
            h('div', { class: 'bar-threshold', style: `left:${percent(threshold)}`, title: `${t('threshold')} ${yuan(threshold)}` })));
      }),
      h('div', { class: 'muted small' }, '┆ ', t('threshold'), ' ', yuan(threshold)));
  }

  function measuresView(measures) {
    if (!measures.length) return h('p', { class: 'muted' }, t('noMeasures'));
    return h('table', { class: 'measures' },
      h('thead', null, h('tr', null,
        h('th', null, t('measure')), h('th', null, t('category')), h('th', null, t('priority')),
        h('th', { class: 'num' }, t('amount')), h('th', null, t('reasons')))),
      h('tbody', null, measures.map((m) => h('tr', { 'data-measure': m.code },
        h('td', null, h('strong', null, m.name), h('br'), codeChip(m.code), clauseChip(clause('measures', m.code))),
        h('td', null, m.category ? t(`category_${m.category}`) : '—'),
        h('td', null, m.priority ?? '—'),
        h('td', { class: 'num' }, m.amount === null || m.amount === undefined ? '—' : yuan(m.amount)),
        h('td', null, h('ul', { class: 'reasons' }, m.reasons.map((r) => h('li', null,
          clauseChip(r.clause), ' ', r.text, ' ', h('span', { class: 'muted small' }, `(${t('rule')} ${r.ruleId})`)))))))));
  }

  function eliminationView(elimination) {
    if (!elimination) return h('p', { class: 'muted' }, t('eliminationNotMonitored'));
    const clauses = (state.catalogue && state.catalogue.eliminationClauses) || [];
    const unmet = elimination.unmet || [];
    return h('div', { class: 'elimination', 'data-eligible': String(elimination.eligible) },
      h('p', { class: elimination.eligible ? 'flag good big' : 'flag bad big' },
        elimination.eligible ? `✓ ${t('eligible')}` : `✗ ${t('notEligible')}`),
      h('ul', { class: 'checks' }, (clauses.length ? clauses.map((c) => c.code) : unmet).map((code) => {
        const met = !unmet.includes(code);
        return h('li', { class: met ? 'met' : 'unmet', 'data-clause': code },
          h('span', { class: 'mark', 'aria-label': met ? t('met') : t('unmet') }, met ? '✓' : '✗'),
          clauseChip(clause('eliminationClauses', code) || code), ' ', label('eliminationClauses', code),
          met ? null : h('span', { class: 'flag bad' }, t('unmet')));
      })));
  }

  function alertsView(alerts) {
    if (!alerts || !alerts.length) return h('p', { class: 'muted' }, t('noAlerts'));
    return h('ul', { class: 'alerts' }, alerts.map((code) => h('li', { 'data-alert': code },
      '⚠ ', label('alerts', code), ' ', clauseChip(clause('alerts', code)), ' ', codeChip(code))));
  }

  // ---- the trace as a chain: stage by stage, in firing order ----

  function stageOf(file) {
    const match = /rules\/(\d+)-([^/]+)\//.exec(file || '');
    return match ? { order: Number(match[1]), name: match[2] } : { order: 999, name: null };
  }

  /** What each stage concluded, shown at the end of its link in the chain. */
  function stageResult(name, a) {
    switch (name) {
      case 'signals':
        return a.signals.length ? list(a.signals.map((c) => label('signals', c))) : t('none');
      case 'risk-group':
        return groupBadge(a.riskGroup);
      case 'classify':
        return [list(a.riskTypes.map((c) => label('riskTypes', c))) || t('none'), ' · ',
          a.assistanceTier ? label('tiers', a.assistanceTier) : t('notApplicable')];
      case 'measures':
        return list(a.measures.map((m) => m.name)) || t('none');
      case 'elimination':
        return a.elimination ? (a.elimination.eligible ? t('eligible')
          : `${t('notEligible')}${state.lang === 'en' ? ': ' : '：'}${a.elimination.unmet.join(', ')}`) : t('notApplicable');
      case 'early-warning':
        return a.alerts.length ? list(a.alerts.map((c) => label('alerts', c))) : t('none');
      default:
        return null;
    }
  }

  function renderTrace(a) {
    const stages = new Map();
    for (const firing of a.trace.firings) {
      const stage = stageOf(firing.file);
      const key = `${stage.name}`;
      if (!stages.has(key)) stages.set(key, { ...stage, files: new Set(), firings: [] });
      stages.get(key).files.add(firing.file);
      stages.get(key).firings.push(firing);
    }
    const ordered = [...stages.values()].sort((x, y) => x.order - y.order);
    const chain = h('ol', { class: 'chain' }, ordered.map((stage) => {
      const result = stageResult(stage.name, a);
      return h('li', { class: 'stage', 'data-stage': stage.name || 'other' },
        h('details', { open: stage.name !== 'derived' },
          h('summary', null,
            h('span', { class: 'stage-name' }, stage.name ? t(`stage_${stage.name}`) : [...stage.files].join(', ')),
            h('span', { class: 'muted small' }, [...stage.files].join(' · ')),
            h('span', { class: 'muted small' }, t('firings', stage.firings.length)),
            result ? h('span', { class: 'stage-result' }, '⇒ ', result) : null),
          h('ul', { class: 'firings' }, stage.firings.map(firingView))));
    }));
    const parameters = a.trace.parameters || [];
    fill('trace-body',
      h('p', { class: 'hint' }, t('traceHint')),
      chain,
      h('h3', null, t('parameters')),
      h('table', { class: 'parameters' },
        h('thead', null, h('tr', null, h('th', null, t('paramName')), h('th', { class: 'num' }, t('paramValue')),
          h('th', null, t('effectiveFrom')), h('th', null, t('source')), h('th', null, t('scope')))),
        h('tbody', null, parameters.map((p) => h('tr', { 'data-parameter': p.name },
          h('td', null, codeChip(p.name)), h('td', { class: 'num' }, text(p.value)), h('td', null, p.effectiveFrom || '—'),
          h('td', null, p.source || '—'), h('td', null, scopeText(p.scope)))))));
    show('trace');
  }

  function scopeText(scope) {
    if (!scope) return '—';
    if (typeof scope === 'string') return scope;
    return Object.values(scope).filter(Boolean).join(' ') || 'national';
  }

  function firingView(f) {
    const bindings = Object.entries(f.bindings || {});
    return h('li', { class: 'firing', 'data-rule-id': f.ruleId },
      h('div', { class: 'firing-head' },
        h('span', { class: 'seq' }, `#${f.seq}`),
        h('code', { class: 'rule-id' }, f.ruleId),
        clauseChip(f.clause),
        h('span', { class: 'description' }, f.description || f.ruleName)),
      bindings.length ? h('div', { class: 'bindings', 'aria-label': t('bindings') },
        bindings.map(([name, value]) => h('span', { class: 'binding' }, h('span', { class: 'binding-name' }, name),
          '=', h('span', { class: 'binding-value' }, text(value))))) : null,
      f.reference ? h('div', { class: 'muted small' }, `${t('reference')}: ${f.reference}`) : null);
  }

  // ---- why not ----

  function renderWhyNot(report) {
    const section = (title, items) => h('div', { class: 'why-not-section' },
      h('h3', null, title),
      items.length ? h('ul', { class: 'why-not-list' }, items.map((item) => h('li', { 'data-code': item.code },
        h('details', null,
          h('summary', null, h('strong', null, item.label), ' ', codeChip(item.code), clauseChip(item.clause)),
          item.rules.map((rule) => h('div', { class: 'why-not-rule', 'data-rule-id': rule.ruleId },
            h('div', null, h('code', { class: 'rule-id' }, rule.ruleId), ' ', rule.description || '',
              h('span', { class: 'muted small' }, ` ${rule.file}`)),
            h('ol', { class: 'conditions' }, rule.conditions.map((c) => h('li', { class: c.met ? 'met' : 'unmet' },
              h('span', { class: 'mark', title: c.met ? t('conditionMet') : t('conditionUnmet') }, c.met ? '✓' : '✗'),
              h('code', null, c.text)))))))))) : h('p', { class: 'muted' }, t('whyNotNothing')));
    fill('why-not-body',
      h('p', { class: 'hint' }, t('whyNotHint')),
      section(t('whyNotGroups'), report.riskGroups || []),
      section(t('whyNotTiers'), report.tiers || []),
      section(t('whyNotMeasures'), report.measures || []));
  }

  // ---- review: replay, what-if, sensitivity ----

  function differencesTable(differences, beforeTitle, afterTitle) {
    if (!differences || !differences.length) return h('p', { class: 'muted' }, t('noDifferences'));
    return h('table', { class: 'diff' },
      h('thead', null, h('tr', null, h('th', null, t('field')), h('th', null, beforeTitle), h('th', null, afterTitle))),
      h('tbody', null, differences.map((d) => h('tr', { 'data-path': d.path },
        h('td', null, codeChip(d.path)),
        h('td', { class: 'before' }, diffValue(d.path, d.before)),
        h('td', { class: 'after' }, diffValue(d.path, d.after))))));
  }

  function diffValue(path, value) {
    if (path === 'riskGroup') return groupBadge(value);
    if (path === 'assistanceTier' && value) return `${label('tiers', value)} (${value})`;
    if (path === 'riskTypes' && Array.isArray(value)) return list(value.map((c) => label('riskTypes', c))) || t('none');
    if (path === 'signals' && Array.isArray(value)) return list(value.map((c) => label('signals', c))) || t('none');
    if (path === 'alerts' && Array.isArray(value)) return list(value.map((c) => label('alerts', c))) || t('none');
    if (path === 'explanation' && Array.isArray(value)) return h('ul', null, value.map((v) => h('li', null, text(v))));
    if (path === 'measures' && Array.isArray(value)) {
      return value.length ? h('ul', null, value.map((m) => h('li', null, text(m.name), ' ', codeChip(m.code),
        m.amount !== null && m.amount !== undefined ? ` ${yuan(m.amount)}` : ''))) : t('none');
    }
    return text(value);
  }

  function summary(result, title) {
    return h('div', { class: 'summary' },
      h('h4', null, title),
      h('div', null, groupBadge(result.riskGroup)),
      h('dl', { class: 'facts compact' },
        h('dt', null, t('tier')), h('dd', null, result.assistanceTier ? label('tiers', result.assistanceTier) : t('notApplicable')),
        h('dt', null, t('riskTypes')), h('dd', null, list(result.riskTypes.map((c) => label('riskTypes', c))) || t('none')),
        h('dt', null, t('perCapita')), h('dd', null, yuan(result.income && result.income.perCapitaNetIncome)),
        h('dt', null, t('measures')), h('dd', null, result.measures.length ? h('ul', null, result.measures.map((m) =>
          h('li', { 'data-measure': m.code }, m.name, m.amount !== null && m.amount !== undefined ? ` ${yuan(m.amount)}` : '')))
          : t('none')),
        h('dt', null, t('elimination')), h('dd', null, result.elimination
          ? (result.elimination.eligible ? t('eligible') : `${t('notEligible')} (${result.elimination.unmet.join(', ')})`)
          : t('notApplicable'))));
  }

  function rulesOnly(title, rules) {
    if (!rules || !rules.length) return null;
    return h('p', { class: 'small' }, t('rulesOnlyIn', title), ': ', rules.map((r) => [codeChip(r), ' ']));
  }

  async function runReplay() {
    const a = state.assessment;
    if (!a) return;
    fill('replay-body', h('p', { class: 'muted' }, t('loading')));
    try {
      const replay = await api(`/api/v1/assessments/${encodeURIComponent(a.id)}/replay`, { method: 'POST' });
      const activeResult = replay.active.result;
      fill('replay-body',
        h('p', { class: replay.identical ? 'flag good big' : 'flag bad big', 'data-identical': String(replay.identical) },
          replay.identical ? `✓ ${t('identical')}` : `✗ ${t('notIdentical')}`),
        replay.defects && replay.defects.length
          ? [h('h4', null, t('defects')), differencesTable(replay.defects, t('stored'), t('replayTitle'))] : null,
        h('dl', { class: 'facts compact' },
          h('dt', null, t('storedVersion')), h('dd', { title: replay.ruleSetVersion }, codeChip(shortVersion(replay.ruleSetVersion))),
          h('dt', null, t('activeVersion')), h('dd', { title: replay.active.ruleSetVersion },
            codeChip(shortVersion(replay.active.ruleSetVersion)), ' ',
            replay.active.sameVersion ? t('activeSame') : h('strong', null, t('activeDifferent')))),
        h('div', { class: 'side-by-side' }, summary(replay.replayed, t('stored')), summary(activeResult, t('active'))),
        differencesTable(replay.active.differences, t('stored'), t('active')),
        rulesOnly(t('stored'), replay.active.rulesOnlyInStored),
        rulesOnly(t('active'), replay.active.rulesOnlyInActive));
    }
    catch (error) {
      fill('replay-body', problemView(error));
    }
  }

  async function runWhatIf() {
    const a = state.assessment;
    if (!a) return;
    const patch = $('what-if-patch').value;
    try {
      JSON.parse(patch);
    }
    catch (error) {
      fill('what-if-body', h('div', { class: 'error' }, t('badJson', error.message)));
      return;
    }
    fill('what-if-body', h('p', { class: 'muted' }, t('loading')));
    try {
      const whatIf = await api(`/api/v1/assessments/${encodeURIComponent(a.id)}/what-if`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: patch,
      });
      fill('what-if-body',
        h('div', { class: 'side-by-side' }, summary(a, t('original')), summary(whatIf.result, t('whatIf'))),
        differencesTable(whatIf.differences, t('original'), t('whatIf')),
        rulesOnly(t('original'), whatIf.rulesOnlyInOriginal),
        rulesOnly(t('whatIf'), whatIf.rulesOnlyInWhatIf));
    }
    catch (error) {
      fill('what-if-body', problemView(error));
    }
  }

  function renderSensitivity(sensitivity) {
    const row = (key, move) => h('tr', { 'data-direction': key },
      h('th', null, t(key)),
      h('td', null, move && move.reachable
        ? [t('sensitivityMove', `${move.amount > 0 ? '+' : ''}${yuan(move.amount)}`, yuan(move.netIncome), ''),
          groupBadge(move.riskGroup)]
        : h('span', { class: 'muted' }, t('unreachable'))));
    fill('sensitivity-body',
      h('p', null, groupBadge(sensitivity.riskGroup), ' ', t('netIncome'), ' ', yuan(sensitivity.netIncome)),
      h('table', { class: 'sensitivity' }, h('tbody', null,
        row('increase', sensitivity.increase), row('decrease', sensitivity.decrease))));
  }

  // ---- downloads ----

  function renderDownloads(a) {
    const exportPath = `/api/v1/assessments/${encodeURIComponent(a.id)}/export`;
    const csvPath = `/api/v1/households/${encodeURIComponent(a.householdId)}/assessments.csv`;
    fill('downloads-body', h('ul', { class: 'downloads' },
      h('li', null, h('a', {
        id: 'download-export', href: exportPath, download: `assessment-${a.id}.json`,
        onclick: (event) => downloadInLanguage(event, exportPath, `assessment-${a.id}.json`),
      }, '⬇ ', t('exportJson'))),
      h('li', null, h('a', { id: 'download-csv', href: csvPath, download: `household-${a.householdId}.csv` },
        '⬇ ', t('historyCsv')))));
    show('downloads');
  }

  /** A plain link would send the browser's own Accept-Language; the export's texts should be in the page's. */
  async function downloadInLanguage(event, path, name) {
    event.preventDefault();
    try {
      const response = await fetch(apiUrl(path), { credentials: 'same-origin', headers: { 'Accept-Language': acceptLanguage() } });
      if (!response.ok) throw new ApiError(response.status, null);
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
    catch (error) {
      message(problemView(error), 'error');
    }
  }

  // ---- the report: a region's figures, risk groups month by month and incomes against the line ----

  const REPORT_FILTER = ['county', 'township', 'village', 'from', 'to'];

  const SVG_WIDTH = 640;

  /** A console address with the page's language. */
  function consoleAddress(query) {
    const address = new URLSearchParams(query);
    if (state.lang === 'en') address.set('lang', 'en');
    return `/console?${address.toString()}`;
  }

  /** Where the console lists the households behind a figure whose API link is {@code href}. */
  function drillAddress(href) {
    return consoleAddress({ drill: href });
  }

  /** A link to the households behind a figure, keeping the API's own link in data-href. */
  function drillLink(href, attrs, ...children) {
    return h('a', { ...attrs, href: drillAddress(href), 'data-href': href }, ...children);
  }

  function regionText(region) {
    const parts = [region && region.county, region && region.township, region && region.village].filter(Boolean);
    return parts.length ? parts.join(' ') : t('regionAll');
  }

  /** A figure's key (riskGroup:MARGINAL) in words. */
  function figureText(key) {
    if (!key || key === 'households') return t('allHouseholds');
    const at = key.indexOf(':');
    if (at < 0) return t(`kind_${key}`);
    const kind = key.slice(0, at);
    return `${t(`kind_${kind}`)} · ${codeText(kind, key.slice(at + 1))}`;
  }

  function codeText(kind, code) {
    switch (kind) {
      case 'riskGroup': return label('riskGroups', code);
      case 'riskType': return label('riskTypes', code);
      case 'tier': return label('tiers', code);
      case 'measureRecommended':
      case 'measureApplied': return label('measures', code);
      case 'caseState': return t(`caseState_${code}`);
      case 'incomeBand': return bandText(code);
      default: return code;
    }
  }

  /** Income bands in the order of their incomes (the API lists them in code order: 10000-11000 before 5000-6000). */
  function byIncome(bands) {
    const lower = (code) => (code === '<0' ? -Infinity : Number(code.split('-')[0]));
    return [...bands].sort((a, b) => lower(a.code) - lower(b.code));
  }

  function bandText(code) {
    if (code === '<0') return t('bandNegative');
    const [lower, upper] = code.split('-').map(Number);
    return t('bandRange', money(lower), money(upper));
  }

  /** Round steps for an axis from 0 to at least max: 1, 2, 5, 10, 20, 50 … */
  function ticks(max, count = 5) {
    const rough = Math.max(max, 1) / count;
    const power = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 5, 10].map((f) => f * power).find((candidate) => candidate >= rough && candidate >= 1) || 1;
    const top = Math.max(step, Math.ceil(max / step) * step);
    const values = [];
    for (let v = 0; v <= top + step / 2; v += step) values.push(v);
    return values;
  }

  function filterOf(query) {
    const filter = {};
    for (const name of REPORT_FILTER) {
      const value = (query.get(name) || '').trim();
      if (value) filter[name] = value;
    }
    return filter;
  }

  async function openReport(query) {
    clear();
    show('intro', false);
    const filter = filterOf(query);
    for (const name of REPORT_FILTER) $(`report-${name}`).value = filter[name] || '';
    show('report');
    const search = new URLSearchParams(filter).toString();
    fill('report-body', h('p', { class: 'muted' }, t('loading')));
    let summary;
    let series;
    try {
      [summary, series] = await Promise.all([
        api(`/api/v1/reports/summary?${search}`),
        api(`/api/v1/reports/series?${search}`),
      ]);
    }
    catch (error) {
      fill('report-body', problemView(error));
      return;
    }
    fill('report-body',
      h('p', { class: 'report-scope' },
        h('strong', null, regionText(summary.region)), ' · ', `${summary.from} – ${summary.to}`, ' · ',
        drillLink(summary.households.href, { 'data-figure': 'households', 'data-count': summary.households.count },
          t('householdsCounted', summary.households.count))),
      summary.households.count ? null : h('p', { class: 'muted' }, t('noHouseholds')),
      h('div', { class: 'charts' }, seriesFigure(series), incomeFigure(summary)),
      figuresTable(summary));
  }

  function submitReport(event) {
    event.preventDefault();
    const changes = { report: '', drill: null, assessment: null, household: null, whatif: null, replay: null };
    for (const name of REPORT_FILTER) changes[name] = $(`report-${name}`).value.trim() || null;
    setAddress(changes, true);
    load();
  }

  /** A chart's frame: the SVG with its title and description, the plot area's margins and size. */
  function chartFrame(id, height, title, description) {
    const margin = { left: 64, right: 20, top: 20, bottom: 64 };
    const svg = s('svg', {
      class: 'chart', viewBox: `0 0 ${SVG_WIDTH} ${height}`, width: SVG_WIDTH, height,
      role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    }, s('title', { id: `${id}-title` }, title), s('desc', { id: `${id}-desc` }, description));
    return {
      svg, margin, width: SVG_WIDTH - margin.left - margin.right, height: height - margin.top - margin.bottom,
    };
  }

  /** The vertical axis with its grid, and the names of both axes. */
  function axes(frame, values, y, xName, yName) {
    const { svg, margin } = frame;
    for (const value of values) {
      svg.append(
        s('line', { class: 'grid', x1: margin.left, x2: margin.left + frame.width, y1: y(value), y2: y(value) }),
        s('text', { class: 'tick', x: margin.left - 8, y: y(value) + 4, 'text-anchor': 'end' }, money(value)));
    }
    const bottom = margin.top + frame.height;
    svg.append(
      s('line', { class: 'axis', x1: margin.left, x2: margin.left + frame.width, y1: bottom, y2: bottom }),
      s('line', { class: 'axis', x1: margin.left, x2: margin.left, y1: margin.top, y2: bottom }),
      s('text', { class: 'axis-name', x: margin.left + frame.width / 2, y: bottom + 52, 'text-anchor': 'middle' }, xName),
      s('text', {
        class: 'axis-name', x: -(margin.top + frame.height / 2), y: 16, 'text-anchor': 'middle', transform: 'rotate(-90)',
      }, yName));
  }

  /** Risk groups month by month: a line of points for each group, every point a link to its households. */
  function seriesFigure(series) {
    const months = series.months || [];
    const groups = months.length ? months[0].riskGroup.map((figure) => figure.code) : [];
    const figure = h('figure', { id: 'chart-series', class: 'chart-figure', 'data-months': months.length },
      h('figcaption', null, h('h3', null, t('seriesTitle')), h('p', { class: 'hint' }, t('seriesDesc', series.from, series.to))));
    if (!months.length) return append(figure, [h('p', { class: 'muted' }, t('noHouseholds'))]);
    const frame = chartFrame('chart-series', 340, t('seriesTitle'), t('seriesDesc', series.from, series.to));
    const { svg, margin } = frame;
    const max = Math.max(0, ...months.flatMap((month) => month.riskGroup.map((f) => f.count)));
    const values = ticks(max);
    const top = values[values.length - 1];
    const x = (i) => margin.left + (months.length === 1 ? frame.width / 2 : (frame.width * i) / (months.length - 1));
    const y = (v) => margin.top + frame.height - (frame.height * v) / top;
    axes(frame, values, y, t('month'), t('householdCount'));
    // at most eight month names, so that they never overlap
    const every = Math.ceil(months.length / 8);
    months.forEach((month, i) => {
      if (i % every === 0) {
        svg.append(s('text', {
          class: 'tick', x: x(i), y: margin.top + frame.height + 20, 'text-anchor': 'middle', 'data-month': month.month,
        }, month.month));
      }
    });
    for (const code of groups) {
      const colour = GROUP_COLOURS[code] || '#566573';
      const counts = months.map((month) => month.riskGroup.find((f) => f.code === code));
      svg.append(s('polyline', {
        class: 'line', 'data-group': code, stroke: colour,
        points: counts.map((f, i) => `${x(i)},${y(f ? f.count : 0)}`).join(' '),
      }));
      counts.forEach((f, i) => {
        if (!f) return;
        svg.append(s('a', { href: drillAddress(f.href), 'data-href': f.href },
          s('title', null, `${months[i].month} · ${label('riskGroups', code)}: ${t('drillCount', f.count)}`),
          s('circle', {
            class: 'point', cx: x(i), cy: y(f.count), r: 5, fill: colour,
            'data-group': code, 'data-month': months[i].month, 'data-count': f.count,
          })));
      });
    }
    const legend = h('ul', { class: 'legend' }, groups.map((code) => h('li', { 'data-group': code },
      h('span', { class: 'swatch', style: `--group:${GROUP_COLOURS[code] || '#566573'}` }), label('riskGroups', code))));
    const table = h('table', { class: 'chart-table' },
      h('caption', { class: 'visually-hidden' }, t('seriesTitle')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('month')),
        groups.map((code) => h('th', { scope: 'col', class: 'num' }, label('riskGroups', code))),
        h('th', { scope: 'col', class: 'num' }, t('total')))),
      h('tbody', null, months.map((month) => h('tr', { 'data-month': month.month },
        h('th', { scope: 'row' }, h('time', { datetime: month.on }, month.month)),
        month.riskGroup.map((f) => h('td', { class: 'num', 'data-group': f.code },
          drillLink(f.href, { 'data-count': f.count }, String(f.count)))),
        h('td', { class: 'num total' },
          drillLink(month.households.href, { 'data-count': month.households.count }, String(month.households.count)))))));
    // a year of months is shown; a longer table waits to be opened
    return append(figure, [h('div', { class: 'chart-wrap' }, svg), legend,
      h('details', { class: 'chart-data', open: months.length <= 12 }, h('summary', null, t('dataTable')), table)]);
  }

  /** Monitored households by per-capita income in 1,000-yuan bands, with the monitoring threshold as a line. */
  function incomeFigure(summary) {
    const threshold = summary.income && summary.income.threshold !== null && summary.income.threshold !== undefined
      ? Number(summary.income.threshold) : null;
    const thresholdText = threshold === null ? '—' : yuan(threshold);
    const figure = h('figure', { id: 'chart-income', class: 'chart-figure', 'data-threshold': threshold ?? '' },
      h('figcaption', null, h('h3', null, t('histogramTitle')), h('p', { class: 'hint' }, t('histogramDesc', thresholdText))));
    const bands = byIncome(summary.incomeBand || []);
    if (!bands.length) return append(figure, [h('p', { class: 'muted' }, t('noMonitored'))]);
    const byCode = new Map(bands.map((band) => [band.code, band]));
    const lowers = bands.filter((band) => band.code !== '<0').map((band) => Number(band.code.split('-')[0]));
    const thresholdBand = threshold === null ? null : Math.floor(threshold / 1000) * 1000;
    const edges = [...lowers, ...(thresholdBand === null ? [] : [thresholdBand])];
    const low = edges.length ? Math.max(0, Math.min(...edges)) : 0;
    const high = edges.length ? Math.max(...edges) + 1000 : 1000;
    // every band from the lowest to the highest, and the threshold's, so that the axis is linear
    const slots = [];
    if (byCode.has('<0')) slots.push({ code: '<0', lower: null });
    for (let lower = low; lower < high; lower += 1000) slots.push({ code: `${lower}-${lower + 1000}`, lower });
    const frame = chartFrame('chart-income', 340, t('histogramTitle'), t('histogramDesc', thresholdText));
    const { svg, margin } = frame;
    const values = ticks(Math.max(...bands.map((band) => band.count)));
    const top = values[values.length - 1];
    const slot = frame.width / slots.length;
    const y = (v) => margin.top + frame.height - (frame.height * v) / top;
    const first = byCode.has('<0') ? 1 : 0;
    const xOf = (income) => margin.left + (first + (income - low) / 1000) * slot;
    axes(frame, values, y, t('incomeAxis'), t('householdCount'));
    const every = Math.ceil(slots.length / 10);
    slots.forEach((each, i) => {
      const left = margin.left + i * slot;
      if (each.lower === null) {
        svg.append(s('text', { class: 'tick', x: left + slot / 2, y: margin.top + frame.height + 20, 'text-anchor': 'middle' }, '<0'));
      }
      else if ((i - first) % every === 0) {
        svg.append(s('text', { class: 'tick', x: left, y: margin.top + frame.height + 20, 'text-anchor': 'middle' }, money(each.lower)));
      }
      const band = byCode.get(each.code);
      if (!band) return;
      const below = threshold !== null && each.lower !== null ? each.lower + 1000 <= threshold : threshold !== null;
      svg.append(s('a', { href: drillAddress(band.href), 'data-href': band.href },
        s('title', null, `${bandText(band.code)}: ${t('drillCount', band.count)}`),
        s('rect', {
          class: below ? 'bin below' : 'bin', x: left + 1, y: y(band.count), width: Math.max(1, slot - 2),
          height: margin.top + frame.height - y(band.count), 'data-band': band.code, 'data-count': band.count,
        })));
    });
    if ((slots.length - first) % every === 0) {
      svg.append(s('text', { class: 'tick', x: margin.left + frame.width, y: margin.top + frame.height + 20, 'text-anchor': 'middle' },
        money(high)));
    }
    if (threshold !== null) {
      const at = xOf(threshold);
      const right = at > margin.left + frame.width * 0.7;
      svg.append(
        s('line', {
          class: 'threshold', x1: at, x2: at, y1: margin.top - 6, y2: margin.top + frame.height, 'data-threshold': threshold,
        }),
        s('text', { class: 'threshold-label', x: right ? at - 6 : at + 6, y: margin.top + 8, 'text-anchor': right ? 'end' : 'start' },
          `${t('threshold')} ${thresholdText}`));
    }
    const table = h('table', { class: 'chart-table' },
      h('caption', { class: 'visually-hidden' }, t('histogramTitle')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('band')), h('th', { scope: 'col', class: 'num' }, t('householdCount')))),
      h('tbody', null, bands.map((band) => {
        const lower = band.code === '<0' ? -Infinity : Number(band.code.split('-')[0]);
        const below = threshold !== null && lower + 1000 <= threshold;
        return h('tr', { 'data-band': band.code },
          h('th', { scope: 'row' }, bandText(band.code), below ? h('span', { class: 'flag bad' }, t('belowThreshold')) : null),
          h('td', { class: 'num' }, drillLink(band.href, { 'data-count': band.count }, String(band.count))));
      })),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t('threshold')), h('td', { class: 'num' }, thresholdText))));
    return append(figure, [h('div', { class: 'chart-wrap' }, svg),
      h('details', { class: 'chart-data', open: true }, h('summary', null, t('dataTable')), table)]);
  }

  /** Every figure of the summary, each count a link to its households. */
  function figuresTable(summary) {
    const rows = [];
    for (const kind of ['riskGroup', 'riskType', 'tier', 'caseState', 'measureRecommended', 'measureApplied', 'incomeBand']) {
      const figures = kind === 'incomeBand' ? byIncome(summary[kind] || []) : summary[kind] || [];
      for (const figure of figures) rows.push({ key: `${kind}:${figure.code}`, kind, code: figure.code, figure });
    }
    for (const kind of ['eliminated', 'identificationOverdue']) {
      if (summary[kind]) rows.push({ key: kind, kind, code: null, figure: summary[kind] });
    }
    return h('div', { id: 'report-figures' },
      h('h3', null, t('figuresTitle')),
      h('table', { class: 'figures' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('figureKind')), h('th', { scope: 'col' }, t('figureCode')),
          h('th', { scope: 'col', class: 'num' }, t('householdCount')))),
        h('tbody', null, rows.map((row) => h('tr', { 'data-figure': row.key },
          h('td', null, t(`kind_${row.kind}`)),
          h('td', null, row.code === null ? '—' : [codeText(row.kind, row.code), ' ', codeChip(row.code)]),
          h('td', { class: 'num' }, drillLink(row.figure.href, { 'data-count': row.figure.count }, String(row.figure.count))))))));
  }

  /** The households behind one figure, from the link the report API gave it. */
  async function openDrill(href) {
    clear();
    show('intro', false);
    if (!/^\/api\/v1\/reports\/(series\/)?households\?/.test(href)) {
      message(t('drillBad'), 'error');
      return;
    }
    const list = await api(href);
    const query = new URL(href, window.location.origin).searchParams;
    const region = { county: query.get('county'), township: query.get('township'), village: query.get('village') };
    const back = { report: '' };
    for (const name of ['county', 'township', 'village', 'from', 'to']) if (query.get(name)) back[name] = query.get(name);
    const when = query.get('on') ? t('drillOn', query.get('on')) : `${query.get('from') || ''} – ${query.get('to') || ''}`;
    fill('drill-body',
      h('p', { class: 'report-scope' }, h('strong', { 'data-figure': list.figure }, figureText(list.figure)), ' · ',
        regionText(region), ' · ', when, ' · ', h('span', { 'data-count': list.count }, t('drillCount', list.count))),
      list.households.length ? h('table', { class: 'drill' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('household')), h('th', { scope: 'col' }, t('asOf')), h('th', { scope: 'col' }, t('riskGroup')),
          h('th', { scope: 'col' }, t('tier')), h('th', { scope: 'col', class: 'num' }, t('perCapita')),
          h('th', { scope: 'col' }, t('village')), h('th', { scope: 'col' }, t('assessment')))),
        h('tbody', null, list.households.map((household) => h('tr', { 'data-household': household.householdId },
          h('th', { scope: 'row' }, h('a', { href: consoleAddress({ household: household.householdId }) }, household.householdId)),
          h('td', null, household.asOf || '—'),
          h('td', null, groupBadge(household.riskGroup)),
          h('td', null, household.assistanceTier ? label('tiers', household.assistanceTier) : '—'),
          h('td', { class: 'num' }, yuan(household.perCapitaNetIncome)),
          h('td', null, household.village || '—'),
          h('td', null, household.assessmentId
            ? h('a', { href: consoleLink(household.assessmentId), 'data-assessment': household.assessmentId }, t('open'))
            : '—'))))) : h('p', { class: 'muted' }, t('drillNone')),
      h('p', null, h('a', { id: 'drill-back', href: consoleAddress(back) }, '← ', t('drillBack'))));
    show('drill');
  }

  // ---- start ----

  function initialLanguage() {
    const fromAddress = params().get('lang');
    if (fromAddress === 'en' || fromAddress === 'zh') return fromAddress;
    try {
      const stored = window.localStorage.getItem('fangpin.console.lang');
      if (stored === 'en' || stored === 'zh') return stored;
    }
    catch (ignored) {
      // no storage: Chinese by default
    }
    return 'zh';
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.lang = initialLanguage();
    $('search').addEventListener('submit', (event) => {
      event.preventDefault();
      search($('query').value);
    });
    for (const button of document.querySelectorAll('.lang button')) {
      button.addEventListener('click', () => switchLanguage(button.dataset.lang));
    }
    $('report-filter').addEventListener('submit', submitReport);
    $('replay-run').addEventListener('click', runReplay);
    $('what-if-run').addEventListener('click', runWhatIf);
    window.addEventListener('popstate', load);
    load();
  });
})();
