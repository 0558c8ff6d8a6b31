#!/usr/bin/env python3
"""Transcribe the 13 Nov 2017 LegCo ITB Panel paper (CWRF Head 710 Subhead
A007GX block allocation, 2018-19) into the CSV files under data/.

    python3 tools/transcribe/transcribe.py      # writes data/*.csv
    python3 tools/transcribe/check.py           # re-verifies them

Every figure written here is either parsed from the source text or, where it
is typed in by hand (facts, examples), asserted against the source text, so a
typo in this script makes it fail instead of writing a wrong file.
"""
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import annex_c                      # noqa: E402
from translations import DEPARTMENTS, NAMES   # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA = os.path.join(ROOT, 'data')

RAW = unicodedata.normalize('NFC', open(annex_c.SOURCE, encoding='utf-8').read())
# The prose of the paper is letter-spaced in the extraction ("本 文 件 徵 求");
# for assertions we compare against the text with all whitespace removed.
FLAT = re.sub(r'\s+', '', RAW)


def flat(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFC', s))


def assert_in_source(snippet):
    if flat(snippet) not in FLAT:
        raise SystemExit(f'not found in source: {snippet!r}')


def despace_cjk(s):
    """Remove the letter-spacing between CJK characters / full-width
    punctuation while keeping the spaces next to ASCII text (numerals,
    Latin letters, hyphens), e.g. "更 新 1823 網 站" -> "更新 1823 網站"."""
    s = re.sub(r'\s+', ' ', s.strip())
    out = []
    for i, ch in enumerate(s):
        if ch == ' ':
            prev, nxt = s[i - 1], s[i + 1]
            if ord(prev) > 0x7f and ord(nxt) > 0x7f:
                continue
        out.append(ch)
    return ''.join(out)


def write_csv(name, header, rows):
    path = os.path.join(DATA, name)
    os.makedirs(DATA, exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow([unicodedata.normalize('NFC', str(x)) for x in r])
    print(f'wrote {path} ({len(rows)} rows)')


# ---------------------------------------------------------------- Annex C
def build_projects():
    projects, departments, _ = annex_c.parse()
    missing = sorted({p['name_zh'] for p in projects} - set(NAMES))
    if missing:
        raise SystemExit(f'no translation for: {missing}')
    unused = sorted(set(NAMES) - {p['name_zh'] for p in projects})
    if unused:
        raise SystemExit(f'translation keys not in Annex C: {unused}')
    missing = [d for d in departments if d not in DEPARTMENTS]
    if missing or len(DEPARTMENTS) != len(departments):
        raise SystemExit(f'department mismatch: {missing}')
    write_csv('projects.csv',
              ['id', 'department_zh', 'name_zh', 'name_en', 'budget_m', 'start', 'completion'],
              [[p['id'], p['department_zh'], p['name_zh'], NAMES[p['name_zh']],
                p['budget_m'], p['start'], p['completion']] for p in projects])
    write_csv('departments.csv',
              ['department_zh', 'department_en', 'abbrev_en', 'order'],
              [[d, DEPARTMENTS[d][0], DEPARTMENTS[d][1], i]
               for i, d in enumerate(departments, 1)])
    return projects, departments


# ---------------------------------------------------------------- Annex A
CATEGORY_EN = {'硬件': 'Hardware', '軟件': 'Software', '推行服務': 'Implementation services',
               '合約員工': 'Contract staff', '應急費用': 'Contingency', '其他': 'Others'}


def parse_annex_a():
    rows = []
    for m in re.finditer(r'^(\d)\. (\S+) (\d+) (\d+) \+(\d+) \+(\d+\.\d) ?$', RAW, re.M):
        rows.append(dict(id=int(m.group(1)), name_zh=m.group(2),
                         proposed=m.group(3), approved=m.group(4),
                         diff=m.group(5), pct=m.group(6)))
    assert [r['id'] for r in rows] == [1, 2, 3, 4, 5, 6], rows
    m = re.search(r'^總計： ([\d,]+) ([\d,]+) \+(\d+) \+(\d+\.\d) ?$', RAW, re.M)
    total = dict(proposed=m.group(1).replace(',', ''), approved=m.group(2).replace(',', ''),
                 diff=m.group(3), pct=m.group(4))
    # arithmetic sanity checks on the printed table
    assert sum(int(r['proposed']) for r in rows) == int(total['proposed'])
    assert sum(int(r['approved']) for r in rows) == int(total['approved'])
    for r in rows + [total]:
        assert int(r['proposed']) - int(r['approved']) == int(r['diff']), r
        pct = 100 * int(r['diff']) / int(r['approved'])
        assert abs(pct - float(r['pct'])) <= 0.05 + 1e-9, (r, pct)
    return rows, total


def build_categories():
    rows, total = parse_annex_a()
    write_csv('categories.csv',
              ['id', 'name_zh', 'name_en', 'proposed_2018_19_m', 'approved_2017_18_m',
               'printed_difference_m', 'printed_difference_pct', 'source'],
              [[r['id'], r['name_zh'], CATEGORY_EN[r['name_zh']], r['proposed'],
                r['approved'], r['diff'], r['pct'], 'Annex A'] for r in rows])
    return total


# ---------------------------------------------------------------- Annex B
def build_cohorts():
    m1 = re.search(r'在 2017-18 年 度 或 之 前 開 展 及\s*\n\s*將 會 在 2017-18 年 度 開 展 的 項 目\s*\n'
                   r'\s*(\d+) ([\d,]+) ?\n', RAW)
    m2 = re.search(r'將 會 在 2018-19 年 度 開 展 的 新 項 目\s*\n\s*(\d+) ([\d,]+) ?\n', RAW)
    m3 = re.search(r'總 計 ：\s+(\d+) ([\d,]+)', RAW)
    ongoing_zh = despace_cjk('在 2017-18 年 度 或 之 前 開 展 及 將 會 在 2017-18 年 度 開 展 的 項 目')
    new_zh = despace_cjk('將 會 在 2018-19 年 度 開 展 的 新 項 目')
    rows = [
        ['ongoing', ongoing_zh,
         'Projects started in or before 2017-18 and projects to be started in 2017-18',
         m1.group(1), m1.group(2).replace(',', ''), 'Annex B'],
        ['new', new_zh, 'New projects to be started in 2018-19',
         m2.group(1), m2.group(2).replace(',', ''), 'Annex B'],
    ]
    total_n, total_cash = m3.group(1), m3.group(2).replace(',', '')
    assert int(rows[0][3]) + int(rows[1][3]) == int(total_n)
    assert int(rows[0][4]) + int(rows[1][4]) == int(total_cash)
    write_csv('cohorts.csv',
              ['id', 'name_zh', 'name_en', 'project_count', 'cash_2018_19_m', 'source'], rows)
    return total_n, total_cash


# ---------------------------------------------------------------- facts
THEMES = [
    # id, letter, name_zh, name_en, examples [(label_zh as printed, label_en, dept_zh)]
    ('e_government', 'a', '電子政府服務', 'E-government services', [
        ('改善電子遞交系統的網上文件遞交入門網站（在職家庭及學生資助事務處轄下的學生資助處）',
         'Enhancement of the online document submission portal of the electronic submission system '
         '(Student Finance Office under the Working Family and Student Financial Assistance Agency)',
         '在職家庭及學生資助事務處'),
        ('食物貿易商入門網站及網上遞交食物進口申請（食物環境衞生署轄下的食物安全中心）',
         'Food trader portal and online submission of food import applications '
         '(Centre for Food Safety under the Food and Environmental Hygiene Department)',
         '食物環境衞生署'),
        ('網上遞交牌照申請（民政事務總署轄下的牌照事務處）',
         'Online submission of licence applications '
         '(Office of the Licensing Authority under the Home Affairs Department)',
         '民政事務總署'),
    ]),
    ('open_data_ai', 'b', '公共資料、大數據及人工智能', 'Public data, big data and artificial intelligence', [
        ('地圖應用程式互聯網界面（地政總署）',
         'Map application programming interface on the Internet (Lands Department)', '地政總署'),
        ('網絡風險資訊共享平台（資科辦）',
         'Cyber risk information sharing platform (OGCIO)', '政府資訊科技總監辦公室'),
        ('更新 1823 網站及推行智能聊天機器人服務（效率促進組）',
         'Revamp of 1823 website and implementation of intelligent chatbot service (Efficiency Unit)',
         '效率促進組'),
    ]),
    ('internal_efficiency', 'c', '提升政府內部運作效率', 'Enhancing the efficiency of internal government operations', [
        ('設計及竣工圖則數據管理系統（地政總署轄下的測繪處）',
         'Design and as-built plans data management system '
         '(Survey and Mapping Office under the Lands Department)', '地政總署'),
        ('香港警察學院電子訓練資料儲存系統（香港警務處）',
         'Hong Kong Police College electronic training materials repository system (Hong Kong Police Force)',
         '香港警務處'),
        ('重新開發長者卡電腦系統（社會福利署）',
         'Redevelopment of Senior Citizen Card computer system (Social Welfare Department)', '社會福利署'),
    ]),
    ('technology_refresh', 'd', '系統技術更新', 'System technology refresh', [
        ('提升空運貨物清關系統（香港海關）',
         'Upgrade of Air Cargo Clearance System (Customs and Excise Department)', '香港海關'),
        ('提升車輛登記號碼系統（運輸署）',
         'Upgrade of vehicle registration mark system (Transport Department)', '運輸署'),
        ('提升學童牙科保健服務管理及資訊系統（衞生署）',
         'Upgrade of School Dental Care Service management and information system (Department of Health)',
         '衞生署'),
    ]),
    ('it_security', 'e', '加強資訊科技保安', 'Strengthening IT security', [
        ('加強就業服務系統的資訊保安管理（勞工處）',
         'Strengthening of information security management of the employment services system '
         '(Labour Department)', '勞工處'),
        ('提升資訊科技保安基建設施及加強網絡攻擊保護（環境保護署轄下的環境保護互動中心）',
         'Upgrade of IT security infrastructure and strengthening of cyber attack protection '
         '(Environmental Protection Interactive Centre under the Environmental Protection Department)',
         '環境保護署'),
        ('加強電子貨物艙單通訊閘及後端系統的資訊保安管理（商務及經濟發展局）',
         'Strengthening of information security management of the electronic cargo manifest gateway '
         'and back-end systems (Commerce and Economic Development Bureau)', '商務及經濟發展局'),
    ]),
]


def name_key(s):
    """Comparable form of a project name: no spaces, half-width brackets."""
    return flat(s).replace('（', '(').replace('）', ')')


def match_example(label_zh, dept_zh, projects):
    """Match a para 7 example to an Annex C project of the same department.

    The para 7 text is "<name>（<dept>[轄下的<office>]）".  An Annex C name
    matches if it equals the para 7 name, or the para 7 name followed by
    "(<office>)" (Annex C appends the office in brackets).
    """
    name, paren = re.match(r'^(.*)（(.*)）$', label_zh).groups()
    office = paren.split('轄下的')[1] if '轄下的' in paren else None
    wanted = {name_key(name)}
    if office:
        wanted.add(name_key(f'{name}({office})'))
    hits = [p for p in projects if p['department_zh'] == dept_zh and name_key(p['name_zh']) in wanted]
    if len(hits) != 1:
        raise SystemExit(f'example {label_zh!r}: {len(hits)} matches')
    # For information: does the same name occur under other departments?
    others = [p['id'] for p in projects
              if p['department_zh'] != dept_zh and name_key(p['name_zh']).startswith(name_key(name))]
    return hits[0]['id'], others


def build_facts(projects, a_total, b_total):
    F = []

    def fact(key, value, unit, source, label_zh, label_en, check=None):
        if check is not None:
            for c in ([check] if isinstance(check, str) else check):
                assert_in_source(c)
        F.append([key, value, unit, source, label_zh, label_en])

    # The date is printed at the head of the paper, above the title (not in a
    # numbered paragraph), hence source "cover".
    fact('paper.date', '2017-11-13', 'date', 'cover', '討論文件日期', 'Date of the discussion paper',
         '2017年11月13日討論文件')
    fact('paper.head', '710', 'code', 'para 2', '基本工程儲備基金總目 710 電腦化計劃',
         'Capital Works Reserve Fund Head 710 Computerisation', '基本工程儲備基金總目710電腦化計劃')
    fact('paper.subhead', 'A007GX', 'code', 'para 2', '總目 710 分目 A007GX 整體撥款',
         'Head 710 Subhead A007GX block allocation', '710分目A007GX項下的整體撥款')
    fact('threshold.ceiling_m', '10', 'HK$ million', 'para 2',
         '每項需費超過 1,000 萬元的電腦化計劃須獲立法會財務委員會批准，所需費用由總目 710 項下的個別分目支付',
         'Each computerisation project costing over HK$10 million requires approval by the Finance Committee '
         'of the Legislative Council and is funded under a separate subhead of Head 710',
         ['每項需費超過1,000萬元的電腦化計劃－須獲立法會財務委員會',
          '所需費用由基本工程儲備基金總目710項下的個別分目支付'])
    fact('threshold.floor_m', '0.2', 'HK$ million', 'para 2',
         '每項需費 20 萬元以上但不超過 1,000 萬元的電腦化計劃由整體撥款支付；20 萬元或以下的電腦化計劃由有關局／部門批准，費用由其運作開支分目支付',
         'Projects costing over HK$0.2 million but not exceeding HK$10 million each are funded from the block '
         'allocation; projects of HK$0.2 million or below are approved by the bureau/department concerned and '
         'paid from its operating expenditure subheads under the General Revenue Account',
         ['每項需費20萬元以上但不超過1,000萬元的電腦化計劃－所需費用由基本工程儲備基金總目710分目A007GX項下的整體撥款',
          '(b)20萬元或以下的電腦化計劃由有關局／部門批准',
          '帳目內有關局／部門的運作開支分目項下支付'])

    # ---- para 5: post-implementation departmental returns
    fact('para5.reports', '210', 'reports', 'para 5', '2016 年的「項目推行後部門報表」數目',
         'Number of post-implementation departmental returns in 2016', '2016年的210份「項目推行後部門報表」')
    fact('para5.year', '2016', 'year', 'para 5', '「項目推行後部門報表」所屬年份',
         'Year of the post-implementation departmental returns', '2016年的210份')
    fact('para5.return_due_months', '6', 'months', 'para 5',
         '各局／部門須在推行系統或完成研究／計劃後的六個月內遞交「項目推行後部門報表」',
         'Bureaux/departments must submit a post-implementation departmental return within six months of '
         'system implementation or completion of the study/project',
         '須在推行系統或完成研究／計劃後的六個月內，就該項目向資科辦遞交一份「項目推行後部門報表」')
    indicators = [
        ('budget', '按財政預算完成', 'Completed within budget'),
        ('specification', '符合協定規格', 'Met agreed specifications'),
        ('schedule', '依期完成', 'Completed on schedule'),
        ('benefits', '取得預期效益', 'Achieved expected benefits'),
    ]
    total_reports = 210
    for ind, zh, en in indicators:
        # the row label is letter-spaced: "按 財 政 預 算 完 成  210 0  100.0%"
        m = re.search(r'^' + ' '.join(zh) + r'\s+(\d+) (\d+)\s+(\d+\.\d)%(註)?\s*$', RAW, re.M)
        if not m:
            raise SystemExit(f'para 5 row not found: {zh}')
        met, not_met, rate = m.group(1), m.group(2), m.group(3)
        assert int(met) + int(not_met) == total_reports
        assert abs(100 * int(met) / total_reports - float(rate)) <= 0.05
        fact(f'para5.{ind}.met', met, 'reports', 'para 5', f'{zh}：達標', f'{en}: met')
        fact(f'para5.{ind}.not_met', not_met, 'reports', 'para 5', f'{zh}：未達標', f'{en}: not met')
        fact(f'para5.{ind}.rate_pct', rate, '%', 'para 5', f'{zh}：達標率', f'{en}: rate met')
    note_zh = ('未能依期完成的項目，延誤的主要原因包括進行用戶需求研究、系統設計及採購的時間較預期長，'
               '以及承辦商所交付的成品質素未達要求。')
    fact('para5.schedule.note', '註', 'text', 'para 5', note_zh,
         'For projects not completed on schedule, the main reasons for delay included longer-than-expected '
         'time taken for user requirement studies, system design and procurement, and deliverables from '
         'contractors not meeting the required quality.', note_zh)

    # ---- para 6
    fact('para6.allocation_2018_19_m', '1060', 'HK$ million', 'para 6',
         '2018-19 年度所需的整體撥款額（約 10 億 6,000 萬元）',
         'Block allocation required for 2018-19 (about HK$1,060 million)',
         '在2018-19年度所需的整體撥款額約為10億6,000萬元')
    fact('para6.allocation_2017_18_m', '990', 'HK$ million', 'para 6',
         '2017-18 年度的撥款額（9 億 9,000 萬元）', 'Allocation for 2017-18 (HK$990 million)',
         '較2017-18年度的9億9,000萬元撥款額')
    fact('para6.increase_m', '70', 'HK$ million', 'para 6', '撥款額增加（約 7,000 萬元）',
         'Increase in allocation (about HK$70 million)', '撥款額增加約7,000萬元')
    fact('para6.increase_pct', '7.1', '%', 'para 6', '撥款額增幅（約 7.1%）',
         'Percentage increase in allocation (about 7.1%)', '（約7.1%）')

    # ---- para 7
    fact('para7.open_data_api_count_min', '1000', 'APIs', 'para 7',
         '「資料一線通」網站至今已推出超過 1 000 個應用程式介面',
         'The DATA.GOV.HK website has so far launched over 1 000 application programming interfaces',
         '至今已推出超過1000個')
    fact('annexC.project_count', '254', 'projects', 'para 7',
         '所有將在 2018-19 年度開展的新項目數目（載列於附件 C）',
         'Number of new projects to start in 2018-19 (listed in Annex C)',
         '所有將在2018-19年度開展的254項新項目載列於附件C')
    assert len(projects) == 254

    # ---- Annex A / B totals
    fact('annexA.total_2018_19_m', a_total['proposed'], 'HK$ million', 'Annex A',
         '總計：2018-19 建議整體撥款', 'Total: proposed block allocation 2018-19')
    fact('annexA.total_2017_18_m', a_total['approved'], 'HK$ million', 'Annex A',
         '總計：2017-18 核准整體撥款', 'Total: approved block allocation 2017-18')
    fact('annexA.total_difference_m', a_total['diff'], 'HK$ million', 'Annex A',
         '總計：差額', 'Total: difference')
    fact('annexA.total_difference_pct', a_total['pct'], '%', 'Annex A',
         '總計：差額百分比', 'Total: percentage difference')
    fact('annexB.total_projects', b_total[0], 'projects', 'Annex B', '總計：項目數量',
         'Total: number of projects')
    fact('annexB.total_cash_m', b_total[1], 'HK$ million', 'Annex B',
         '總計：2018-19 年度暫定所需的現金流量', 'Total: provisional cash flow requirement for 2018-19')

    # ---- para 7 themes and examples
    matches = []
    for tid, letter, zh, en, examples in THEMES:
        fact(f'theme.{tid}', letter, 'letter', 'para 7', zh, en, f'({letter}){zh}')
        for n, (label_zh, label_en, dept) in enumerate(examples, 1):
            pid, others = match_example(label_zh, dept, projects)
            fact(f'theme.{tid}.example.{n}', str(pid), 'project_id', 'para 7', label_zh, label_en,
                 f'({"i" * n if n < 4 else "iv"}){label_zh}')
            matches.append((f'theme.{tid}.example.{n}', pid, others))

    header = ['key', 'value', 'unit', 'source', 'label_zh', 'label_en']
    keys = [f[0] for f in F]
    assert len(keys) == len(set(keys))
    write_csv('facts.csv', header, F)
    return matches


def main():
    projects, departments = build_projects()
    a_total = build_categories()
    b_total = build_cohorts()
    matches = build_facts(projects, a_total, b_total)
    for key, pid, others in matches:
        extra = f'  (same name elsewhere under other depts: {others})' if others else ''
        print(f'{key} -> {pid}{extra}')


if __name__ == '__main__':
    main()
