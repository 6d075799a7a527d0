"""`tonghu print KIND --store PATH … --out FILE.pdf`: print a form or ledger to a PDF file.

KIND is one of child (--child ID), visit-form (--child ID [--visit ID]), due-forms (--within
week|month, --order group|address), ledger (--month YYYY-MM), screening (--round ID), report
(--report ID), case (--case ID). Prints the number of pages and the file written.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.commands.common import EXIT_FAIL, CliError, add_store_arg, open_store, print_json

KINDS = ("child", "visit-form", "due-forms", "ledger", "screening", "report", "case")


def register(sub) -> None:
    p = sub.add_parser("print", help="打印表格和台账（输出PDF）",
                       description="打印：child 儿童信息登记表，visit-form 走访记录表，due-forms 批量打印应访表，"
                                   "ledger 月度走访台账，screening 一年两排排查汇总，report 强制报告登记表，"
                                   "case 个案服务计划表")
    p.add_argument("kind", choices=KINDS, help="要打印的表格")
    add_store_arg(p)
    p.add_argument("--out", required=True, type=Path, help="输出的PDF文件")
    p.add_argument("--child", help="儿童ID（child, visit-form）")
    p.add_argument("--visit", help="走访记录ID（visit-form：打印已录入的走访）")
    p.add_argument("--within", default="week", choices=("week", "month"), help="due-forms：本周或本月应访")
    p.add_argument("--order", default="group", choices=("group", "address"), help="due-forms：按组或按住址排路线")
    p.add_argument("--month", help="ledger：月份 YYYY-MM（默认本月）")
    p.add_argument("--round", dest="round_id", help="screening：排查轮次ID")
    p.add_argument("--report", help="report：强制报告ID")
    p.add_argument("--case", help="case：个案ID（个案服务计划表）")
    p.add_argument("--json", action="store_true", help="以JSON输出结果")
    p.set_defaults(handler=cmd_print)


def cmd_print(args) -> None:
    from app.print import documents, sources

    if args.out.suffix.lower() != ".pdf":
        raise CliError("输出文件应以 .pdf 结尾")
    if args.out.parent and not args.out.parent.exists():
        raise CliError(f"输出目录不存在：{args.out.parent}")
    store = open_store(args)
    try:
        data = documents.render(
            store, args.kind, child=args.child, visit=args.visit, within=args.within, order=args.order,
            month=args.month, round_id=args.round_id, report=args.report, case=args.case, out=args.out,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None
    except sources.NotFound as exc:
        raise CliError(str(exc)) from None
    except sources.NotAvailable as exc:
        raise CliError(str(exc), EXIT_FAIL) from None
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if args.json:
        print_json({"kind": args.kind, "out": str(args.out), "pages": pages, "bytes": len(data)})
    else:
        print(f"已生成 {args.out}（{pages} 页）")
