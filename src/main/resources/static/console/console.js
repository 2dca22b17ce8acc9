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

  async function api(path, options = {}) {
    const response = await fetch(path, {
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
      document.documentElement.dataset.state = 'ready';
    }
    catch (error) {
      message(problemView(error), 'error');
      document.documentElement.dataset.state = 'error';
    }
  }

  function clear() {
    message(null);
    for (const id of ['history', 'decision', 'trace', 'why-not', 'review', 'downloads']) show(id, false);
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
          setAddress({ assessment: query, household: null, whatif: null, replay: null }, true);
          await load();
          return;
        }
        catch (error) {
          if (error.status !== 404) throw error;
        }
      }
      setAddress({ household: query, assessment: null, whatif: null, replay: null }, true);
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
    setAddress({ assessment: id, household: null, whatif: null, replay: null }, true);
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
      const response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept-Language': acceptLanguage() } });
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
    $('replay-run').addEventListener('click', runReplay);
    $('what-if-run').addEventListener('click', runWhatIf);
    window.addEventListener('popstate', load);
    load();
  });
})();
