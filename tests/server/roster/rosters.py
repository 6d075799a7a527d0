"""Synthetic county rosters for the roster-import tests and bench: made-up names, checksum-valid
ID numbers, in two layouts — a national-system export (xlsx, a title row above the header, the
12-digit village code) and a county 台账 (CSV or xlsx, township and village by name only).

    python -m tests.server.roster.rosters OUT_DIR [ROWS]   # writes both layouts and the place list

Files of the same rows and seed hold the same children, so the 30,000-row files are made once and
cached (pytest's cache directory) instead of being committed; small samples are in samples/.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from app.domain.idnumber import check_digit

COUNTY = "320115"
TOWNSHIPS = {"101": "东湖街道", "102": "西山镇", "103": "南塘镇", "104": "北岭乡", "105": "青石镇"}
VILLAGE_NAMES = ["张庄", "李湾", "王营", "赵桥", "新河", "石门", "柳林", "杏花", "桃园", "龙泉", "白沙", "双塘"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "子浩宇轩欣怡梓涵雨晨思佳一诺俊杰嘉豪可馨雅婷博文佳怡明轩天佑若汐安琪诗涵语桐子墨浩然欣妍"
CATEGORIES_NATIONAL = ["农村留守儿童", "散居孤儿", "事实无人抚养儿童", "低保家庭儿童", "重残儿童", "困境儿童（家庭经济困难）"]
CATEGORIES_COUNTY = ["留守", "散居孤儿", "事实无人抚养", "低保", "重残", "因贫困境"]
RELATIONS = ["母亲", "父亲", "祖母", "祖父", "外婆", "外公"]


def villages() -> dict[str, str]:
    """12-digit village code → name, 12 villages in each of 5 townships (names repeat across townships)."""
    out = {}
    for t, _ in TOWNSHIPS.items():
        for i, name in enumerate(VILLAGE_NAMES, start=1):
            suffix = "社区" if t == "101" and i <= 2 else "村"
            out[f"{COUNTY}{t}{200 + i:03d}"] = name + suffix
    return out


def places() -> dict[str, str]:
    out = {f"{COUNTY}{t}": name for t, name in TOWNSHIPS.items()}
    out.update(villages())
    return out


def id_number(i: int) -> str:
    """The i-th child's ID number: county region, a birth date 2009–2024, a sequence, its check digit."""
    birth = dt.date(2009, 1, 1) + dt.timedelta(days=(i * 7919) % 5800)
    body = f"{COUNTY}{birth:%Y%m%d}{(2 * (i // 5800) + i % 2) % 1000:03d}"  # the last digit: sex
    return body + check_digit(body)


@dataclass
class Kid:
    name: str
    id_number: str
    village: str
    category: int
    guardian: str
    relation: str
    phone: str
    carer: str


def kids(rows: int, seed: int = 16) -> list[Kid]:
    rng = random.Random(seed)
    codes = sorted(villages())
    out = []
    for i in range(rows):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        guardian = name[0] + rng.choice(GIVEN) + rng.choice(GIVEN)
        out.append(Kid(name, id_number(i), codes[i % len(codes)], i % len(CATEGORIES_NATIONAL), guardian,
                       RELATIONS[i % len(RELATIONS)], f"13{rng.randrange(10**9):09d}",
                       (rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)) if i % 3 == 0 else ""))
    return out


NATIONAL_HEADER = ["序号", "儿童姓名", "性别", "公民身份号码", "出生日期", "行政区划代码", "所属村（居）", "儿童类别",
                   "监护人姓名", "与儿童关系", "监护人联系电话", "家庭住址"]
COUNTY_HEADER = ["序号", "乡镇", "村", "姓名", "身份证号", "困境类型", "监护人", "监护人电话", "委托照护人", "照护人电话",
                 "备注"]


def national_rows(rows: int, seed: int = 16) -> list[list]:
    names = villages()
    out = []
    for n, k in enumerate(kids(rows, seed), start=1):
        sex = "男" if int(k.id_number[16]) % 2 else "女"
        birth = f"{k.id_number[6:10]}-{k.id_number[10:12]}-{k.id_number[12:14]}"
        out.append([n, k.name, sex, k.id_number, birth, k.village, names[k.village], CATEGORIES_NATIONAL[k.category],
                    k.guardian, k.relation, k.phone, f"{names[k.village]}{n % 9 + 1}组"])
    return out


def county_rows(rows: int, seed: int = 16) -> list[list]:
    names = villages()
    out = []
    for n, k in enumerate(kids(rows, seed), start=1):
        carer_phone = f"1390000{n % 10000:04d}" if k.carer else ""
        out.append([n, TOWNSHIPS[k.village[6:9]], names[k.village], k.name, k.id_number,
                    CATEGORIES_COUNTY[k.category], k.guardian, k.phone, k.carer, carer_phone, ""])
    return out


def write_xlsx(path: Path, header: list, rows: list[list], title: str | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名单")
    if title:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, header: list, rows: list[list], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", newline="", encoding=encoding) as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)
    return path


def national_xlsx(path: Path, rows: int, seed: int = 16) -> Path:
    return write_xlsx(path, NATIONAL_HEADER, national_rows(rows, seed), title="农村留守儿童和困境儿童信息管理系统 儿童信息导出")


def county_csv(path: Path, rows: int, seed: int = 16, encoding: str = "gb18030") -> Path:
    return write_csv(path, COUNTY_HEADER, county_rows(rows, seed), encoding=encoding)


def county_xlsx(path: Path, rows: int, seed: int = 16) -> Path:
    return write_xlsx(path, COUNTY_HEADER, county_rows(rows, seed), title=f"{COUNTY} 县困境儿童和留守儿童台账")


def places_csv(path: Path) -> Path:
    return write_csv(path, ["区划代码", "名称"], [[c, n] for c, n in sorted(places().items())])


def main(argv: list[str]) -> None:
    out = Path(argv[0])
    rows = int(argv[1]) if len(argv) > 1 else 30000
    out.mkdir(parents=True, exist_ok=True)
    national_xlsx(out / f"national_{rows}.xlsx", rows)
    county_csv(out / f"county_{rows}.csv", rows)
    places_csv(out / "places.csv")


if __name__ == "__main__":
    main(sys.argv[1:])
