"""Documents printed one after another (forms/following.py): side by side, never nested one in the next."""

from __future__ import annotations

from lxml import etree

from converter import lossless, pipeline
from converter.forms.following import ISSUING_BODY, ISSUING_TITLE, MAX_TRANSMITTED, one_after_another
from converter.model.context import Context
from converter.model.document import Document

NOTICE = """某某县人民政府关于做好第{n}批项目申报的通知
某政发〔2024〕{n}号
各乡镇人民政府，县直各单位：
现将有关事项通知如下。
一、申报范围
各单位按要求申报。
二、工作要求
请于月底前报送。
某某县人民政府
2024年{month}月{day}日
"""


def notices(count: int) -> str:
    return "".join(NOTICE.format(n=k + 1, month=k % 12 + 1, day=k % 28 + 1) for k in range(count))


def converted(text: str) -> etree._Element:
    result = pipeline.convert_bytes(text.encode(), "input.txt")
    assert lossless.check(text, result.root) is None
    return result.root


def local(el: etree._Element) -> str:
    return etree.QName(el).localname


def test_many_notices_are_as_many_documents_side_by_side() -> None:
    # (nested, 300 notices went 600 elements deep: beyond what libxml2 builds, the whole file failed)
    root = converted(notices(300))
    documents = [child for child in root if local(child) == "document"]
    assert [d.get("id") for d in documents] == [f"d{k}" for k in range(1, 301)]
    assert not root.findall(".//{*}transmitted")
    assert max(len(list(el.iterancestors())) for el in root.iter()) <= 6
    numbers = [d.findtext("{*}docNumber") for d in documents]
    assert numbers == [f"某政发〔2024〕{k}号" for k in range(1, 301)]
    # each keeps its own two sections: numbering does not run on into the next document
    assert all(len(d.findall("{*}body/{*}section")) == 2 for d in documents)


def test_a_forwarding_notice_keeps_what_it_forwards_and_what_follows_stands_beside_it() -> None:
    forwarding = ("某某县人民政府办公室关于转发某某市开展安全检查的通知的通知\n各乡镇人民政府：\n"
                  "现将市里的通知转发给你们，请遵照执行。\n某某县人民政府办公室\n2024年4月2日\n")
    forwarded = NOTICE.format(n=7, month=3, day=28)
    after = NOTICE.format(n=8, month=4, day=9)
    root = converted(forwarding + forwarded + after)
    documents = [child for child in root if local(child) == "document"]
    assert [d.get("id") for d in documents] == ["d1", "d2"]
    inner = documents[0].find("{*}transmitted/{*}document")
    assert inner is not None and inner.findtext("{*}docNumber") == "某政发〔2024〕7号"
    assert documents[1].findtext("{*}docNumber") == "某政发〔2024〕8号"


def test_text_under_the_signature_without_a_head_of_its_own_is_still_transmitted() -> None:
    # no 文号 and no 主送 under the title: not a document of its own, read as before
    text = NOTICE.format(n=1, month=3, day=1) + "某某县项目申报指南\n一、申报条件\n具有独立法人资格。\n"
    root = converted(text)
    assert len([child for child in root if local(child) == "document"]) == 1
    assert root.find("{*}document/{*}transmitted/{*}document") is not None


def test_a_title_or_body_that_issues_something_keeps_the_old_reading() -> None:
    assert ISSUING_TITLE.search("某某县人民政府关于印发某某方案的通知")
    assert ISSUING_TITLE.search("关于修改《某某条例》的决定")
    assert ISSUING_BODY.search("现将有关文件转发给你们，请认真贯彻执行。")
    assert not ISSUING_TITLE.search("某某县人民政府关于做好春季防火工作的通知")


def test_one_after_another_parses_the_text_each_document_leaves_over() -> None:
    parsed: list[object] = []

    def parse(lines: object, ctx: Context) -> Document:
        doc = Document("notice", len(parsed) + 2)
        parsed.append(lines)
        if len(parsed) < 3:
            doc.following = ("next",)    # type: ignore[assignment]
        return doc

    first = Document("notice", 1, following=("rest",))    # type: ignore[arg-type]
    ctx = Context(True, parse)
    found = one_after_another(first, ctx)
    assert [d.line for d in found] == [1, 2, 3, 4]
    assert parsed == [("rest",), ("next",), ("next",)]
    assert all(not d.following for d in found)
    assert one_after_another("a bulletin", ctx) == ["a bulletin"]


UNSIGNED = """某某县人民政府关于做好第{n}批项目申报的通知
某政发〔2024〕{n}号
各乡镇人民政府，县直各单位：
请各单位于月底前报送第{n}批项目。
"""


def documents_of(text: str) -> list[etree._Element]:
    return [child for child in converted(text) if local(child) == "document"]


def test_unsigned_notices_one_after_another_are_apart_at_each_whole_head() -> None:
    found = documents_of("".join(UNSIGNED.format(n=k) for k in range(1, 41)))
    assert [d.findtext("{*}docNumber") for d in found] == [f"某政发〔2024〕{k}号" for k in range(1, 41)]
    assert all(len(d.findall("{*}body/{*}p")) == 1 for d in found)


def test_a_head_with_its_number_above_the_title_parts_too() -> None:
    # (GB/T 9704 prints the 文号 under the issuer mark, above the title)
    second = "某某县人民政府文件\n某政发〔2024〕9号\n某某县人民政府关于调整作息时间的通知\n各乡镇人民政府：\n自6月1日起执行。\n"
    found = documents_of(UNSIGNED.format(n=8) + second)
    assert [d.get("line") for d in found] == ["1", "5"]
    assert found[1].findtext("{*}issuerMark") == "某某县人民政府文件"


def test_the_notice_after_the_last_attachment_is_no_part_of_it() -> None:
    first = ("某某县人民政府办公室关于报送物资清单的通知\n某政办发〔2024〕8号\n各乡镇人民政府：\n"
             "请于5月20日前报送物资清单。\n附件：物资清单\n某某县人民政府办公室\n2024年5月8日\n"
             "附件\n物资清单\n一、编织袋5000条。\n二、救生衣200件。\n")
    found = documents_of(first + NOTICE.format(n=9, month=5, day=20))
    assert len(found) == 2
    attachment = found[0].find("{*}attachments/{*}attachment")
    assert attachment is not None and attachment.get("line") == "8"
    assert "某政发" not in "".join(attachment.itertext())
    assert found[1].findtext("{*}docNumber") == "某政发〔2024〕9号"


def test_what_a_head_inside_the_text_does_not_part() -> None:
    opening = "某某县人民政府办公室关于做好防汛工作的通知\n某政办发〔2024〕12号\n各乡镇人民政府，县直各单位：\n"
    closing = "一、加强组织领导。\n各乡镇要成立防汛指挥部。\n某某县人民政府办公室\n2024年6月1日\n"
    cases = {
        # a wrapped sentence citing a document by title and 文号 on lines of their own: no 主送 under them
        "cited": "请对照市政府办公室关于做好防汛工作的通知\n（某政办发〔2024〕1号）\n抓好落实。\n",
        # … nor when one with a 主送-like line opens a sentence (按照, 根据 …)
        "sentence": "按照市政府办公室关于做好防汛工作的通知\n某政办发〔2024〕1号\n各乡镇人民政府：\n",
        # the document's own head printed again (a page printing its text twice)
        "again": "某某县人民政府办公室关于做好防汛工作的通知\n某政办发〔2024〕12号\n各乡镇人民政府，县直各单位：\n",
        # a notice that says it forwards a document: what follows is the document it forwards
        "forwarded": "现将市政府办公室的通知转发给你们。\n某某市人民政府办公室关于做好防汛工作的通知\n"
                     "某政办发〔2024〕1号\n各县区人民政府：\n请做好防汛准备。\n",
    }
    for name, middle in cases.items():
        found = documents_of(opening + middle + closing)
        assert len(found) == 1, name


def test_a_document_printed_as_an_attachment_stays_its_content() -> None:
    text = ("某某县人民政府办公室关于学习有关文件的通知\n某政办发〔2024〕3号\n各乡镇人民政府：\n请认真学习附件文件。\n"
            "附件：某某市人民政府关于加强安全生产的通知\n某某县人民政府办公室\n2024年3月1日\n附件\n"
            "某某市人民政府关于加强安全生产的通知\n某政发〔2024〕2号\n各县区人民政府：\n请加强安全生产。\n")
    found = documents_of(text)
    assert len(found) == 1
    assert "某政发〔2024〕2号" in "".join(found[0].find("{*}attachments").itertext())


# A notice with no 主送 and no 文号: the text under its 署名 opens no document of its own, so it is read as the
# document this one transmits (a scraped page cut before its 署名 reads so too)
UNADDRESSED = "关于加强第{n}项工作的通知\n现将有关事项通知如下。\n某某市人民政府\n2024年1月{day}日\n"
# The 抄送 and 印发 lines at the end of a text
TAIL = "抄送：某某局。\n某某市人民政府办公室                2024年1月5日印发\n"


def unaddressed(count: int) -> str:
    return "".join(UNADDRESSED.format(n=k + 1, day=k % 28 + 1) for k in range(count))


def transmitted_depth(document: etree._Element) -> int:
    return len(document.findall(".//{*}document"))


def test_a_chain_of_transmitted_documents_nests_up_to_the_limit() -> None:
    documents = documents_of(unaddressed(MAX_TRANSMITTED + 1))
    assert len(documents) == 1
    assert transmitted_depth(documents[0]) == MAX_TRANSMITTED
    titles = [el.text for el in documents[0].iter("{*}title")]
    assert titles == [f"关于加强第{k}项工作的通知" for k in range(1, MAX_TRANSMITTED + 2)]


def test_past_the_limit_the_text_is_the_next_document_and_a_warning_says_where() -> None:
    count = 3 * MAX_TRANSMITTED + 5
    text = unaddressed(count)
    result = pipeline.convert_bytes(text.encode(), "input.txt")
    assert lossless.check(text, result.root) is None
    documents = [child for child in result.root if local(child) == "document"]
    # each chain of MAX_TRANSMITTED + 1 documents, one beside the other: none deeper
    assert [transmitted_depth(d) for d in documents] == [MAX_TRANSMITTED, MAX_TRANSMITTED, MAX_TRANSMITTED, 1]
    titles = [el.text for el in result.root.iter("{*}title")]
    assert titles == [f"关于加强第{k}项工作的通知" for k in range(1, count + 1)]
    deep = [w for w in result.warnings if "deep" in w.message]
    # (each notice is four lines: the first one read beside the chain opens at its title)
    assert [w.line for w in deep] == [4 * (MAX_TRANSMITTED + 1) * k + 1 for k in (1, 2, 3)]


def test_the_tail_goes_with_the_document_printed_last_when_a_chain_is_cut() -> None:
    documents = documents_of(unaddressed(MAX_TRANSMITTED + 3) + TAIL)
    assert [d.find("{*}printer") is not None for d in documents] == [False, True]
    assert "".join(documents[1].find("{*}cc").itertext()) == "抄送：某某局。"


def test_the_document_printed_after_a_transmitted_one_takes_the_tail_below_it() -> None:
    # (the tail stayed with the first notice, printed before the text above it: the output lost its order)
    addressed = "关于开展检查的通知\n各区人民政府：\n现将有关事项通知如下。\n某某市人民政府\n2024年2月1日\n"
    documents = documents_of(unaddressed(2) + addressed + TAIL)
    assert [d.findtext("{*}title") for d in documents] == ["关于加强第1项工作的通知", "关于开展检查的通知"]
    assert documents[0].findtext("{*}transmitted/{*}document/{*}title") == "关于加强第2项工作的通知"
    assert documents[0].find("{*}cc") is None and documents[0].find("{*}printer") is None
    assert documents[1].find("{*}printer") is not None
