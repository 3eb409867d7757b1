"""Errors that mean a file could not be checked at all (exit status 2).

Each carries one sentence naming the file and the problem, in the run's language
(words.Words: Chinese, or English with --lang en); the CLI prints it and returns `exit_code`.
"""
from __future__ import annotations

from pathlib import Path

from .words import Words

_DETAIL = Words("（{detail}）", " ({detail})")


class InputError(Exception):
    exit_code = 2
    # {path} and {detail} (the detail in brackets, or nothing)
    words = Words("{path}：无法检查该文件{detail}。", "{path}: the file cannot be checked{detail}.")

    def __init__(self, path: str | Path, detail: str = "") -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(self.sentence())

    def sentence(self) -> str:
        return self.words(path=self.path, detail=_DETAIL(detail=self.detail) if self.detail else "")


class FileMissing(InputError):
    words = Words("{path}：文件不存在{detail}。", "{path}: no such file{detail}.")


class NotAFile(InputError):
    words = Words("{path}：这是一个目录而不是文件{detail}。", "{path}: this is a folder, not a file{detail}.")


class EmptyFile(InputError):
    words = Words("{path}：文件是空的{detail}。", "{path}: the file is empty{detail}.")


class TooLarge(InputError):
    words = Words("{path}：文件过大，超出检查上限{detail}。", "{path}: the file is larger than the size limit{detail}.")


class NotRegularFile(InputError):
    """A device, FIFO or socket named as a report: never opened (reading one can block
    forever or never end). `detail` names the kind (字符设备, 命名管道 …)."""
    words = Words("{path}：不是普通文件{detail}，未读取。", "{path}: not a regular file{detail}; not read.")


class UnpackedTooLarge(TooLarge):
    """A Word file whose parts unpack past the limit (a zip bomb, or a file no report needs)."""
    words = Words("{path}：Word 文件解压后过大{detail}，未检查。", "{path}: the Word file unpacks too large{detail}; not checked.")


class TextTooLong(TooLarge):
    """More text than any annual report holds: checking it would take minutes for nothing."""
    words = Words("{path}：文字过多{detail}，远超一份年度报告的篇幅，未检查。",
                  "{path}: far more text than an annual report holds{detail}; not checked.")


class NestedTooDeep(InputError):
    """A Word file nested deeper than its XML parser reads (256 levels: some 60 tables in
    tables; a real report nests two or three)."""
    words = Words("{path}：Word 文件的表格或段落嵌套过深（XML 超过256层），无法读取。",
                  "{path}: the Word file's tables or paragraphs are nested too deep (XML over 256 levels); cannot be read.")


class UndecodableText(InputError):
    words = Words("{path}：无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030）{detail}。",
                  "{path}: the text is neither UTF-8 nor GBK/GB18030{detail}.")


class BinaryFile(InputError):
    words = Words("{path}：这不是文本、网页、PDF 或 Word 文件{detail}。", "{path}: this is not a text, HTML, PDF or Word file{detail}.")


class UnsupportedFormat(InputError):
    words = Words("{path}：暂不支持该文件格式{detail}。", "{path}: this file format is not supported yet{detail}.")


class NotAReport(InputError):
    words = Words("{path}：文件中没有找到政府信息公开工作年度报告的标题、章节或统计表{detail}。",
                  "{path}: no title, section or table of a disclosure annual report was found in it{detail}.")


class RuleFileError(Exception):
    """A rule or template file in rules/ is malformed: names the file and key."""

    def __init__(self, path: str | Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")


class EncryptedPdf(InputError):
    words = Words("{path}：PDF 文件已加密，需要密码才能打开{detail}。", "{path}: the PDF is encrypted and needs a password{detail}.")


class BrokenFile(InputError):
    words = Words("{path}：文件已损坏或不完整，无法打开{detail}。", "{path}: the file is damaged or truncated and cannot be opened{detail}.")


class PdfTablesUnreadable(BrokenFile):
    """A damaged PDF whose text pdfium reads but whose table pages no reader can parse."""
    words = Words("{path}：PDF 文件已损坏，统计表所在的页无法读取，未检查。",
                  "{path}: the PDF is damaged and the pages with the tables cannot be read; not checked.")


class ScannedPdf(InputError):
    words = Words("{path}：这是扫描件 PDF（只有图像，没有文字层），暂不能识别文字（需要 OCR）{detail}。",
                  "{path}: the PDF is a scan (images only, no text layer); reading it needs OCR, which is not available yet{detail}.")


class UsageError(Exception):
    """A bad option, or a file named by an option (baseline, pair, output folder) that cannot
    be used: one sentence, exit 2."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


class BaselineError(UsageError):
    pass
