"""The web chat in a real browser against a real server over the real mini index."""

from __future__ import annotations

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from assistant.config import Settings
from tests.api.live import live_server, private_settings
from tests.browser.conftest import needs_chromium, save_screenshot
from tests.fake_openai import FakeOpenAI

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]

UU20_URL = "https://peraturan.bpk.go.id/Details/269470/uu-no-20-tahun-2023"
LAST_ANSWER = "[data-testid=answer]:not(.streaming) >> nth=-1"


def ask(page, question: str):  # noqa: ANN001, ANN201
    """Type a question, press Enter, wait for the finished answer; returns its locator."""
    count = page.locator("[data-testid=answer]").count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.locator("[data-testid=answer]:not(.streaming)").nth(count).wait_for()
    return page.locator("[data-testid=answer]").nth(count)


def test_streamed_answer_with_citation_buttons(page, base_url: str) -> None:  # noqa: ANN001
    with page.expect_response(lambda r: r.url.endswith("/api/chat")) as response:
        answer = ask(page, "Apa fungsi pegawai ASN?")
    assert response.value.headers["content-type"].startswith("text/event-stream")
    assert int(answer.get_attribute("data-tokens")) > 10  # rendered token by token
    assert "UU 20/2023 Pasal 10" in answer.locator("[data-testid=answer-text]").inner_text()
    assert answer.locator(".answer-text [data-testid=cite-1]").first.is_visible()  # direct + basis
    assert answer.locator("[data-testid=source-list] li").count() >= 1
    assert page.locator("#welcome").is_hidden()
    save_screenshot(page, "screenshot-chat.png", publish=True)


def test_citation_opens_the_full_pasal_with_the_ayat_highlighted(page) -> None:  # noqa: ANN001
    answer = ask(page, "Apa isi Pasal 24 ayat 2 UU 20/2023?")
    answer.locator(".answer-text [data-testid=cite-1]").first.click()
    panel = page.locator("[data-testid=source-panel]")
    panel.locator("[data-testid=cited-ayat]").wait_for()
    assert panel.locator("[data-testid=source-title]").inner_text() == "UU 20/2023 Pasal 24"
    assert "Aparatur Sipil Negara" in panel.locator("[data-testid=source-doc]").inner_text()
    assert panel.locator("[data-testid=source-text] .ayat").count() == 3
    cited = panel.locator("[data-testid=cited-ayat]")
    assert cited.get_attribute("data-chunk-id") == "uu-20-2023/pasal-24/ayat-2"
    assert cited.inner_text().startswith("(2) Pegawai ASN yang tidak menaati kewajiban")
    assert panel.locator("[data-testid=status-badge]").inner_text() == "Berlaku"
    assert panel.locator("[data-testid=source-url]").get_attribute("href") == UU20_URL
    assert "Penjelasan" in panel.locator("[data-testid=source-penjelasan]").inner_text()
    save_screenshot(page, "screenshot-sumber.png")
    page.keyboard.press("Escape")
    assert panel.is_hidden()


def test_repealed_source_carries_a_warning(page) -> None:  # noqa: ANN001
    answer = ask(page, "Menurut UU 5 tahun 2014, apa fungsi pegawai ASN?")
    badge = answer.locator("[data-testid=source-list] [data-testid=warning-badge]").first
    assert "Dicabut" in badge.inner_text()
    answer.locator("[data-testid=source-list] li", has_text="UU 5/2014").first.locator(
        ".cite"
    ).click()
    status = page.locator("[data-testid=source-status]")
    status.locator("[data-testid=warning-badge]").wait_for()
    page.locator("[data-testid=cited-ayat]").wait_for()
    assert "dicabut oleh UU 20/2023" in status.inner_text()


def test_training_mode_shows_each_step(page) -> None:  # noqa: ANN001
    page.click("[data-testid=training-switch]")
    assert page.locator("[data-testid=training-panel]").is_visible()
    page.locator(".suggestion", has_text="Apa saja kewajiban Pegawai ASN?").click()
    table = page.locator("[data-testid=candidates-table]")
    table.wait_for()
    assert table.locator("tbody tr").count() >= 5
    assert page.locator("[data-testid=dense-table] tbody tr").count() >= 5
    assert page.locator("[data-testid=keyword-table] tbody tr").count() >= 5
    search_query = page.locator("[data-testid=training-search-query]").inner_text()
    assert "Apa saja kewajiban Pegawai ASN?" in search_query
    assert page.locator("[data-testid=confidence]").is_visible()
    assert page.locator("[data-testid=selection] li").count() >= 1
    assert page.locator("[data-testid=timings-table] tbody tr").count() >= 3
    assert "Tidak ada LLM" in page.locator("[data-testid=no-llm-note]").inner_text()
    font = page.evaluate("getComputedStyle(document.documentElement).fontSize")
    assert font == "18px"  # larger, readable layout for the room
    assert page.locator("#sidebar").bounding_box()["x"] < 0  # folded away to make room
    page.set_viewport_size({"width": 1600, "height": 1500})
    save_screenshot(page, "screenshot-pelatihan.png", publish=True)


def test_direct_answer_is_shown_first_and_prominently(page) -> None:  # noqa: ANN001
    answer = ask(page, "Berapa lama cuti melahirkan untuk PNS?")
    text = answer.locator("[data-testid=answer-text]")
    direct = text.locator("[data-testid=direct-answer]")
    assert direct.is_visible()
    assert "3 (tiga) bulan" in direct.inner_text()
    assert text.locator("p").first.get_attribute("data-testid") == "direct-answer"
    assert "Dasar hukum:" in text.inner_text().split(direct.inner_text(), 1)[1]
    assert direct.locator(".cite").first.is_visible()  # cited by the number of its source
    assert direct.evaluate("el => getComputedStyle(el).fontWeight") == "600"
    basis = text.locator("p").nth(1)
    assert basis.evaluate("el => getComputedStyle(el).fontWeight") == "400"
    save_screenshot(page, "screenshot-jawaban-langsung.png")


def test_training_mode_shows_spelling_corrections(page) -> None:  # noqa: ANN001
    page.click("[data-testid=training-switch]")
    answer = ask(page, "brp lama cuti melahirkn utk pns")
    assert "3 (tiga) bulan" in answer.locator("[data-testid=direct-answer]").inner_text()
    spelling = page.locator("[data-testid=training-spelling]")
    spelling.wait_for()
    assert "melahirkn → melahirkan" in spelling.inner_text()
    assert "brp → berapa" in spelling.inner_text()
    # how the direct answer was looked for: a length of time
    assert "durasi" in page.locator("[data-testid=direct-kind]").inner_text()


def test_feedback_is_stored(page, base_url: str) -> None:  # noqa: ANN001
    answer = ask(page, "Apa fungsi pegawai ASN?")
    answer_id = answer.get_attribute("data-answer-id")
    answer.locator("[data-testid=feedback-up]").click()
    page.wait_for_function(
        "el => el.textContent.includes('Terima kasih')",
        arg=answer.locator("[data-testid=feedback-msg]").element_handle(),
    )
    stored = {f["answer_id"]: f for f in httpx.get(f"{base_url}/api/feedback").json()}
    assert stored[answer_id]["rating"] == "up"

    answer.locator("[data-testid=feedback-down]").click()
    answer.locator("[data-testid=feedback-reason]").fill("Kurang lengkap")
    with page.expect_response(lambda r: r.url.endswith("/api/feedback")):
        answer.locator("[data-testid=feedback-send]").click()
    stored = {f["answer_id"]: f for f in httpx.get(f"{base_url}/api/feedback").json()}
    assert (stored[answer_id]["rating"], stored[answer_id]["reason"]) == ("down", "Kurang lengkap")


def test_copy_answer_with_its_sources(page) -> None:  # noqa: ANN001
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    answer = ask(page, "Apa fungsi pegawai ASN?")
    answer.locator("[data-testid=copy-answer]").click()
    page.wait_for_function(
        "document.querySelector('[data-testid=feedback-msg]').textContent.length"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Pegawai ASN berfungsi sebagai: pelaksana kebijakan publik")
    assert '\n\nDasar hukum:\n- UU 20/2023 Pasal 10: "' in copied
    assert f"\n\nSumber:\n[1] UU 20/2023 Pasal 10 — {UU20_URL}" in copied


def test_conversations_and_follow_up(page) -> None:  # noqa: ANN001
    ask(page, "Berapa lama cuti tahunan PNS?")
    follow = ask(page, "kalau PPPK bagaimana?")
    assert (
        "Berapa lama cuti tahunan PPPK?"
        in follow.locator("[data-testid=search-query]").inner_text()
    )
    current = page.locator("[data-testid=conversation].active")
    current.wait_for()
    assert current.inner_text().startswith("Berapa lama cuti tahunan PNS?")
    page.click("[data-testid=new-chat]")
    assert (
        page.locator("[data-testid=answer]").count() == 0 and page.locator("#welcome").is_visible()
    )
    page.locator(
        "[data-testid=conversation]", has_text="Berapa lama cuti tahunan PNS?"
    ).first.click()
    page.locator("[data-testid=answer]").nth(1).wait_for()
    assert page.locator("[data-testid=user-message]").all_inner_texts() == [
        "Berapa lama cuti tahunan PNS?",
        "kalau PPPK bagaimana?",
    ]


def no_horizontal_overflow(page) -> bool:  # noqa: ANN001
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_phone_width_layout(browser, base_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2)
    page = context.new_page()
    page.goto(base_url)
    assert no_horizontal_overflow(page)
    assert page.locator("#menu-btn").is_visible()
    answer = ask(page, "Apa saja kewajiban Pegawai ASN?")
    assert no_horizontal_overflow(page)
    box = answer.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    answer.locator(".answer-text [data-testid=cite-1]").first.click()
    page.locator("[data-testid=cited-ayat]").wait_for()
    assert no_horizontal_overflow(page)
    save_screenshot(page, "screenshot-ponsel-sumber.png")
    page.click("[data-testid=source-close]")
    page.click("[data-testid=training-switch]")
    ask(page, "Apa fungsi pegawai ASN?")
    page.locator("[data-testid=candidates-table]").wait_for()
    assert no_horizontal_overflow(page)
    page.click("#menu-btn")
    page.wait_for_function("document.getElementById('sidebar').getBoundingClientRect().left >= 0")
    save_screenshot(page, "screenshot-ponsel.png")
    context.close()


def test_api_key_prompt_and_no_retrieval_comparison(
    browser,
    mini_settings: Settings,
    tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
) -> None:
    """A protected server with an LLM: the page asks for a key, then compares with/without sources."""
    with FakeOpenAI() as fake:
        settings = private_settings(
            mini_settings,
            tmp_path_factory.mktemp("ui_llm_data"),
            api_keys=SecretStr("kunci-pelatih-9e:user"),
            llm_base_url=fake.base_url,
            llm_model="fake-model",
            llm_timeout=5.0,
        )
        fake.replies.append("Menurut ingatan saya, PNS berfungsi sebagai abdi negara.")
        with live_server(create_app(settings)) as url:
            context = browser.new_context(viewport={"width": 1360, "height": 900})
            page = context.new_page()
            page.goto(url)
            dialog = page.locator("[data-testid=key-dialog]")
            dialog.wait_for()
            page.fill("[data-testid=api-key]", "kunci-pelatih-9e")
            page.click("[data-testid=save-key]")
            page.wait_for_function("localStorage.getItem('asisten_api_key') === 'kunci-pelatih-9e'")
            assert dialog.is_hidden()
            page.click("[data-testid=training-switch]")
            ask(page, "Apa fungsi pegawai ASN?")
            plain = page.locator("[data-testid=no-retrieval]")
            plain.get_by_text("abdi negara").wait_for()
            assert "TANPA SUMBER" in plain.inner_text()
            assert fake.requests[-1]["messages"][1]["content"] == "Apa fungsi pegawai ASN?"
            context.close()
