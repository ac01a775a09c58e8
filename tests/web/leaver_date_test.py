#!/usr/bin/python3
"""A leaver's date left corrected in a real browser (issue 7, screen 2): on an archived pupil's record
the leader opens "Correct the date left…", a date that is no date is refused beside the field with
nothing saved, and a right one is saved with the pupil still archived. The harness is
web_page_test.py's; ctest runs this file as web.leaver_date_tests, or by hand:

    WAYMARK_BIN=build/dev/bin/waymark WEB_TEST_OUTPUT=build/dev/tests/web /usr/bin/python3 tests/web/leaver_date_test.py -v leaver_date_tests
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import web_page_test as harness
from web_page_test import page_test, setUpModule, tearDownModule  # noqa: F401 (unittest runs the module fixtures)
from selenium.webdriver.common.by import By


def api(method, rest, body=None, expect_error=False):
    return harness.server.school_api(method, rest, body, expect_error)


class leaver_date_tests(page_test):
    """Signed in as the leader (head), who may change pupil records."""

    type_into = harness.maintenance_tests.type_into

    def test_a_leavers_date_left_is_corrected_and_they_stay_archived(self):
        pupil = api('GET', '/pupils?year=6')['pupils'][0]
        api('POST', '/pupil-records/%s/archive' % pupil['upn'], {'date_left': '2026-07-22'})
        self.open('#/pupil?upn=%s' % pupil['upn'])
        self.wait.until(lambda b: b.find_element(By.XPATH, "//summary[normalize-space()='Correct the date left…']")).click()
        box = self.wait_for('#date-left-form input[data-field=date_left]')
        self.assertEqual(box.get_attribute('value'), '22/07/2026')

        self.type_into('#date-left-form input[data-field=date_left]', 'soon')
        self.browser.find_element(By.CSS_SELECTOR, '#date-left-form button[type=submit]').click()
        problem = self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '#date-left-form .problem'))
        self.assertIn('is not a date', problem.text)
        self.assertEqual(api('GET', '/pupil-records/' + pupil['upn'])['pupil']['date_left'], '2026-07-22')
        self.photograph('pupil-date-left-refused')
        self.assertEqual(self.serious_violations(), [])

        self.type_into('#date-left-form input[data-field=date_left]', '17/07/2026')
        self.browser.find_element(By.CSS_SELECTOR, '#date-left-form button[type=submit]').click()
        self.wait.until(lambda b: 'left on 17/07/2026.' in b.execute_script(
            "return [...document.querySelectorAll('main .notice')].map(n => n.textContent).join(' ')"))
        saved = api('GET', '/pupil-records/' + pupil['upn'])['pupil']
        self.assertEqual((saved['archived'], saved['date_left']), (True, '2026-07-17'))


if __name__ == '__main__':
    unittest.main()
