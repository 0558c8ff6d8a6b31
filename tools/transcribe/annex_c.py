#!/usr/bin/env python3
"""Parse Annex C (the 254 new projects for 2018-19) out of the text extracted
from the LegCo ITB Panel paper of 13 Nov 2017.

The extracted text has this shape (blank lines omitted):

    行政署                                         <- department heading
    1 加強網絡攻擊保護及資訊保安                   <- id + first name line
    管理                                           <- name continuation
    6.6 第一季 2019-20 年度第一季                   <- budget / start / completion
    4 提升應用系統基建設施 7.1 第一季 2019-20 年度第四季   <- one-line row

Each page repeats the column header (編號 項目名稱 ... 完成日期) and carries a
page number and the 註 note about quarters; those are dropped.

Rules used to rebuild a name:
  * the first line and its continuation lines are stripped and concatenated
    with no separator (Chinese wraps at any character);
  * EXCEPT where the PDF text shows a genuine space at the wrap point: the
    line-final space that pdftotext emits only appears at the end of the
    *last* line of a cell, so a trailing space on a *first* line that is
    followed by a continuation means the paper has a typed space there (only
    project 178: "設計及竣工圖則數據管理系統 (測繪處)").  We keep one space.
  * spaces inside a line (around numerals / Latin text / hyphens) are kept
    as printed, runs of spaces are collapsed to one.
All text is NFC-normalised (maps CJK compatibility ideographs).
"""
import re
import unicodedata

SOURCE = '/work/shared/seed/000_3845b6f2249afddf.txt'

QUARTERS = {'第一季': 'Q1', '第二季': 'Q2', '第三季': 'Q3', '第四季': 'Q4'}
START_YEAR = '2018-19'  # printed once in the column header "(2018-19 年度)"

# Lines that belong to the repeated page furniture.
HEADER_LINES = {
    '編號 項目名稱', '項目預算', '(百萬元)', '預計', '開展日期', '(2018-19 年度)',
    '完成日期',
}
# The annex title is letter-spaced in the extraction
# ("將 會 在 2018-19 年 度 開 展 的 新 項 目"); compare with spaces removed.
TITLE_NOSPACE = '將會在2018-19年度開展的新項目'
NOTE_LINE_1 = re.compile(r'^註： 第一季、第二季、第三季及第四季指某一財政年度內的四個季度')
NOTE_LINE_2 = re.compile(r'^7 至 9 月、10 至 12 月，以及 1 至 3 月。$')
PAGE_NO = re.compile(r'^\d{1,2}$')

TAIL = r'(\d+\.\d) (第[一二三四]季) (\d{4}-\d{2}) 年度(第[一二三四]季)'
FULL_ROW = re.compile(r'^(\d+) (.+?) +' + TAIL + r'$')
ROW_START = re.compile(r'^(\d+) (.+)$')
TAIL_ONLY = re.compile(r'^' + TAIL + r'$')


SPACE_AT_WRAP = []  # ids where a typed space at a wrap point was kept


def nfc(s):
    return unicodedata.normalize('NFC', s)


def squash(s):
    return re.sub(r' {2,}', ' ', s.strip())


def load_annex_c_lines():
    raw = open(SOURCE, encoding='utf-8').read()
    lines = raw.split('\n')
    # Annex C starts at the line "附 件 C" that follows Annex B.
    start = max(i for i, l in enumerate(lines) if l.strip() == '附 件 C')
    return [(i + 1, l) for i, l in enumerate(lines) if i > start]


def parse():
    """Return (projects, departments, trace).

    projects: list of dicts; departments: list of department_zh in order of
    first appearance; trace: {id: [(lineno, raw line), ...]} for review.
    """
    projects = []
    departments = []
    trace = {}
    dept = None
    pending_heading = []   # heading lines seen since the last row (may wrap)
    cur = None             # the row being assembled
    expected = 1

    def finish_heading():
        nonlocal dept, pending_heading
        if pending_heading:
            # A department name that wraps over two lines (project 163's
            # 公務及司法人員薪俸及服務 / 條件諮詢委員會聯合秘書處) is joined
            # without a separator.
            dept = ''.join(pending_heading)
            if dept in departments:
                raise SystemExit(f'department heading repeated: {dept}')
            departments.append(dept)
            pending_heading = []

    for lineno, rawline in load_annex_c_lines():
        line = nfc(rawline)
        s = line.strip()
        if not s:
            continue
        if NOTE_LINE_1.match(s) or NOTE_LINE_2.match(s) or PAGE_NO.match(s):
            continue
        # A heading may share the line with the last column header, e.g.
        # "完成日期 醫療輔助隊" (not the case in this extraction, but handled).
        if s.startswith('完成日期 '):
            s = s[len('完成日期 '):].strip()
        if s in HEADER_LINES or s.replace(' ', '') == TITLE_NOSPACE:
            continue

        # Special case (page break inside a name): project 175's name ends
        # "...田土轉易處)(第" on page 19; its budget line follows, and the
        # remaining "3 期)" is printed at the top of page 20 after the
        # repeated header.  It must not be taken for a row start (id 3) or a
        # heading.
        if s == '3 期)' and projects and projects[-1]['id'] == 175:
            projects[-1]['name_parts'].append(('3 期)', line))
            trace[175].append((lineno, rawline))
            continue

        m = FULL_ROW.match(s)
        if m and int(m.group(1)) == expected:
            finish_heading()
            pid = int(m.group(1))
            cur = dict(id=pid, department_zh=dept,
                       name_parts=[(m.group(2), line)],
                       budget_m=m.group(3), start_q=m.group(4),
                       completion_year=m.group(5), completion_q=m.group(6))
            trace[pid] = [(lineno, rawline)]
            projects.append(cur)
            expected += 1
            cur = None
            continue

        m = ROW_START.match(s)
        if m and int(m.group(1)) == expected and cur is None:
            finish_heading()
            pid = int(m.group(1))
            cur = dict(id=pid, department_zh=dept,
                       name_parts=[(m.group(2), line)])
            trace[pid] = [(lineno, rawline)]
            expected += 1
            continue

        m = TAIL_ONLY.match(s)
        if m:
            if cur is None:
                raise SystemExit(f'line {lineno}: budget line without a row')
            cur.update(budget_m=m.group(1), start_q=m.group(2),
                       completion_year=m.group(3), completion_q=m.group(4))
            trace[cur['id']].append((lineno, rawline))
            projects.append(cur)
            cur = None
            continue

        if cur is not None:
            # continuation of the current project's name
            cur['name_parts'].append((s, line))
            trace[cur['id']].append((lineno, rawline))
            continue

        # Otherwise: a department heading line.
        pending_heading.append(squash(s))

    if cur is not None:
        raise SystemExit(f'unterminated row {cur["id"]}')
    if pending_heading:
        raise SystemExit(f'dangling heading {pending_heading}')

    for p in projects:
        parts = p.pop('name_parts')
        name = ''
        for k, (text, fullline) in enumerate(parts):
            text = squash(text)
            if k > 0:
                prev_raw = parts[k - 1][1]
                if p['id'] == 175 and text == '3 期)':
                    # page-break continuation "(第" + "3 期)": the paper
                    # prints spaces around numerals inside names (cf. 83
                    # "更新 1823 網站"), so rejoin as "(第 3 期)".
                    name += ' '
                elif prev_raw.endswith(' '):
                    # typed space at the wrap point (see module docstring)
                    name += ' '
                    SPACE_AT_WRAP.append(p['id'])
            name += text
        p['name_zh'] = name
        p['start'] = f'{START_YEAR} {QUARTERS[p.pop("start_q")]}'
        p['completion'] = f'{p.pop("completion_year")} {QUARTERS[p.pop("completion_q")]}'
    return projects, departments, trace


if __name__ == '__main__':
    projects, departments, trace = parse()
    for p in projects:
        print(p['id'], p['department_zh'], '|', p['name_zh'], '|',
              p['budget_m'], p['start'], p['completion'])
        for ln, raw in trace[p['id']]:
            print('      ', ln, repr(raw))
    print(len(projects), 'projects;', len(departments), 'departments')
    print('space kept at wrap point for ids', SPACE_AT_WRAP)
