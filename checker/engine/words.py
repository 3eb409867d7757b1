"""The Chinese a person reads about rules: statuses, origins (categories and severities: findings.py), and
the values a message's {placeholders} stand for (`govcheck rules` shows 〈行名〉, not {row_label})."""
from __future__ import annotations

STATUS_ZH = {"stable": "正式", "preview": "试用", "deprecated": "将停用", "removed": "已停用"}
NATIONAL_ZH = "全国规则"

# What each value a kind or computed function gives a message is, as a person calls it.
VALUE_ZH = {
    "actual": "印出的数", "appeal": "复议或诉讼", "blank_note": "空白格说明", "blank_reading": "空白格说明",
    "blocked": "因此无法核对的合计", "body": "标题中的机关", "body_kind": "机关类型", "cell_label": "单元格",
    "cells": "单元格", "column_label": "列名", "converted": "折合数", "count": "个数", "difference": "差数",
    "due": "公布期限", "expected": "应有的数", "fees": "收费金额", "figures": "数字", "group": "办理结果类别",
    "hard": "最迟期限", "heading": "标题", "headings": "标题", "labels": "栏目名", "last_year": "上年",
    "layouts": "两种格式的表", "left": "左边之和", "listed": "所列各项", "matched": "匹配的文字", "meant": "应对应的项",
    "meant_value": "应对应的数", "missing": "缺少的内容", "number": "正文的数", "numeral": "编号", "organ": "机关",
    "other_year": "写成本年度的年份", "outcome": "结果类别", "part": "其中一项", "parts": "各项之和", "place": "应有的编号",
    "printed": "印出的文字", "printed_order": "印出的顺序", "published": "公布日期", "ratio": "比例", "readings": "读法",
    "reading": "表中的项", "right": "右边之和", "row_label": "行名", "scope_name": "章节", "section": "章节",
    "sentence": "原句", "should": "应有的数", "shown": "各结果件数", "signature": "落款机关", "source": "日期来源",
    "standard_order": "规定的顺序", "stated_year": "写明的年份", "table_name": "表名", "template": "所用格式",
    "title": "标题", "total": "件数", "unit": "单位", "upheld": "维持件数", "value": "表中的数", "verb": "正文的说法",
    "wanted": "应用格式", "ways": "读法种数", "what": "事项", "where": "位置", "words": "正文的说法", "year": "报告年度",
}


def readable(message: str) -> str:
    """A message with each {placeholder} shown as 〈what it stands for〉."""
    out = message
    for name, zh in VALUE_ZH.items():
        out = out.replace("{" + name + "}", f"〈{zh}〉")
    return out
