#!/usr/bin/python3
"""The Pupils screen's changes in a real browser (issue 7, screen 2): adding a pupil (a wrong UPN
check letter refused beside the field, nothing saved), editing one, editing a year's classes at once
with fill-down (a bad row saving nothing), archiving a leaver and returning them to roll, and the
record read-only for a governor. Every new screen is photographed and scanned with axe-core. The
harness (a served demo school, the browser, screenshots, axe) is web_page_test.py's; ctest runs this
file as web.pupil_tests, or by hand:

    WAYMARK_BIN=build/dev/bin/waymark WEB_TEST_OUTPUT=build/dev/tests/web /usr/bin/python3 tests/web/pupil_screen_test.py -v pupil_tests
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import web_page_test as harness
from web_page_test import page_test, new_browser, demo_password, current_code, setUpModule, tearDownModule  # noqa: F401 (unittest runs the module fixtures)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'


def upn(serial):
    """A valid permanent UPN: the check letter, then 12 digits."""
    body = '8889990%05d' % serial
    return UPN_LETTERS[sum(int(d) * (i + 2) for i, d in enumerate(body)) % 23] + body


def wrong_check_letter(valid):
    return ('B' if valid[0] == 'A' else 'A') + valid[1:]


def api(method, rest, body=None, expect_error=False):
    return harness.server.school_api(method, rest, body, expect_error)


def record(upn_text):
    return api('GET', '/pupil-records/' + upn_text, expect_error=True)


class pupil_tests(page_test):
    """Signed in as the leader (head), who may change pupil records."""

    type_into = harness.maintenance_tests.type_into

    def wait_notice(self, text):
        self.wait.until(lambda b: text in b.execute_script(
            "return [...document.querySelectorAll('main .notice')].map(n => n.textContent).join(' ')"))

    def scan(self, name):
        self.photograph(name)
        self.assertEqual(self.serious_violations(), [], name)

    def test_a_pupil_is_added_after_a_wrong_check_letter_is_refused_beside_the_field(self):
        right = upn(1)
        year4_class = api('GET', '/pupils?year=4')['pupils'][0]['class']
        self.open('#/pupils')
        self.wait.until(lambda b: b.find_element(By.LINK_TEXT, 'Add a pupil')).click()
        self.wait_for('#pupil-form #pf-upn')
        self.type_into('#pf-upn', wrong_check_letter(right))
        self.type_into('#pf-surname', 'Testbell')
        self.type_into('#pf-forename', 'Amy')
        self.type_into('#pf-date_of_birth', '05/03/2018')
        Select(self.browser.find_element(By.ID, 'pf-gender')).select_by_value('F')
        self.type_into('#pf-postcode', 'pr1 8xj')
        self.type_into('#pf-ethnicity', 'WBRI')
        self.type_into('#pf-class', year4_class)
        self.browser.find_element(By.ID, 'pf-fsm').send_keys(Keys.SPACE)  # by keyboard, as a checkbox takes it
        self.scan('pupil-add')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add the pupil']").click()
        box = self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '#pupil-form .problem'))
        self.assertIn('fails its check letter', box.text)
        upn_box = self.browser.find_element(By.ID, 'pf-upn')
        self.assertEqual(upn_box.get_attribute('aria-invalid'), 'true')
        self.assertEqual(upn_box.get_attribute('aria-errormessage'), box.get_attribute('id'))
        self.assertEqual(self.browser.switch_to.active_element, upn_box)
        # Beside the field: the sentence follows the UPN's own label and box.
        self.assertTrue(self.browser.execute_script(
            "return document.getElementById('pf-upn').closest('.field').nextElementSibling.classList.contains('problem')"))
        self.scan('pupil-add-refused')
        self.assertEqual(record(wrong_check_letter(right))['status'], 404)
        self.assertEqual(record(right)['status'], 404)

        self.type_into('#pf-upn', right)
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add the pupil']").click()
        self.wait_notice('Amy Testbell is added.')
        added = record(right)['pupil']
        self.assertEqual((added['surname'], added['date_of_birth'], added['gender'], added['postcode'], added['class'], added['fsm']),
                         ('Testbell', '2018-03-05', 'F', 'PR1 8XJ', year4_class, True))
        self.scan('pupil-added')

    def test_a_pupil_is_edited_and_only_what_changed_is_sent(self):
        pupil = api('GET', '/pupils?year=5')['pupils'][0]
        before = record(pupil['upn'])['pupil']
        self.open('#/pupil?upn=%s' % pupil['upn'])
        self.wait.until(lambda b: b.find_element(By.LINK_TEXT, 'Edit the record')).click()
        self.wait_for('#pupil-form #pf-surname')
        self.type_into('#pf-surname', before['surname'] + '-Hale')
        Select(self.browser.find_element(By.ID, 'pf-sen')).select_by_value('K')
        self.browser.find_element(By.ID, 'pf-pupil_premium').click()
        self.type_into('#pf-date_joined', '31/02/2021')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Save the record']").click()
        box = self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '#pupil-form .problem'))
        self.assertIn('not a day of the calendar', box.text)
        self.assertEqual(record(pupil['upn'])['pupil'], before)  # nothing saved
        self.type_into('#pf-date_joined', '01/09/2021')
        self.assertEqual(self.browser.find_elements(By.CSS_SELECTOR, '#pupil-form .problem'), [])  # corrected: the sentence goes
        self.scan('pupil-edit')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Save the record']").click()
        self.wait_notice('The record is saved.')
        after = record(pupil['upn'])['pupil']
        self.assertEqual(after['surname'], before['surname'] + '-Hale')
        self.assertEqual((after['sen'], after['pupil_premium'], after['date_joined']), ('K', not before['pupil_premium'], '2021-09-01'))
        self.assertEqual(after['class'], before['class'])
        self.assertIn('the next sync (waymark sync) replaces these fields', self.mis_note_of(pupil['upn']))

    def mis_note_of(self, upn_text):
        self.open('#/pupil-edit?upn=%s' % upn_text)
        return self.wait_for('#mis-note').text

    def test_a_years_classes_are_changed_at_once_with_fill_down(self):
        year2 = api('GET', '/pupils?year=2')['pupils']
        self.assertGreater(len(year2), 3)
        self.open('#/pupils-bulk')
        Select(self.wait_for('main form.filters select')).select_by_visible_text('Year 2')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Show these pupils']").click()
        self.wait_for('table.bulk tbody tr')
        rows = self.browser.find_elements(By.CSS_SELECTOR, 'table.bulk tbody tr')
        self.assertEqual(len(rows), len(year2))
        self.assertIn('come from the MIS', self.browser.find_element(By.ID, 'bulk-mis-note').text)
        first_class = self.browser.find_element(By.CSS_SELECTOR, 'input[data-field=class][data-row="0"]')
        first_class.clear()
        first_class.send_keys('Oak')
        self.browser.find_element(By.CSS_SELECTOR, 'button.fill-down[data-column=class]').click()
        # From the keyboard: Space ticks the second row's box, Ctrl+D copies it into the rows below.
        premium = self.browser.find_element(By.CSS_SELECTOR, 'input[data-field=pupil_premium][data-row="1"]')
        premium.send_keys(Keys.SPACE)
        premium.send_keys(Keys.CONTROL, 'd')
        values = self.browser.execute_script("return [...document.querySelectorAll('input[data-field=class]')].map(i => i.value)")
        self.assertEqual(values, ['Oak'] * len(year2))
        self.assertIn('%d pupils changed, not saved yet.' % len(year2), self.browser.find_element(By.CSS_SELECTOR, '.save-state').text)
        # One bad row refuses the whole save, naming the pupil, with the box marked in its row.
        self.type_into('input[data-field=class][data-row="2"]', 'X' * 61)
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Save all rows']").click()
        box = self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '.bulk-problems .problem'))
        self.assertIn('longer than 60 characters', box.text)
        bad = self.browser.find_element(By.CSS_SELECTOR, 'input[data-field=class][data-row="2"]')
        self.assertEqual(bad.get_attribute('aria-invalid'), 'true')
        self.scan('pupils-bulk-refused')
        self.assertNotIn('Oak', [p['class'] for p in api('GET', '/pupils?year=2')['pupils']])
        self.type_into('input[data-field=class][data-row="2"]', 'Oak')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Save all rows']").click()
        self.wait_notice('Saved: %d pupils changed.' % len(year2))
        self.scan('pupils-bulk')
        self.browser.save_screenshot(os.path.join(harness.SCREENSHOTS, 'pupils-bulk-top.png'))
        saved = api('GET', '/pupil-records?year=2')['pupils']
        self.assertEqual({p['class'] for p in saved}, {'Oak'})
        by_row = {p['upn']: p for p in saved}
        self.assertTrue(all(by_row[p['upn']]['pupil_premium'] for p in year2[1:]))

    def test_a_leaver_is_archived_and_returned_to_roll(self):
        pupil = api('GET', '/pupils?year=6')['pupils'][-1]
        self.open('#/pupil?upn=%s' % pupil['upn'])
        self.wait.until(lambda b: b.find_element(By.XPATH, "//summary[normalize-space()='Archive as a leaver…']")).click()
        self.type_into('#archive-form input[data-field=date_left]', '17/07/2026')
        self.browser.find_element(By.CSS_SELECTOR, '#archive-form button[type=submit]').click()
        self.wait_notice('is archived as a leaver.')
        self.scan('pupil-archived')
        archived = record(pupil['upn'])['pupil']
        self.assertEqual((archived['archived'], archived['date_left']), (True, '2026-07-17'))
        self.assertNotIn(pupil['upn'], [p['upn'] for p in api('GET', '/pupils?year=6')['pupils']])
        self.open('#/leavers')
        button = self.wait.until(lambda b: b.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Return %s %s')]" % (pupil['forename'], pupil['surname'])))
        self.assertIn('17/07/2026', self.browser.find_element(By.CSS_SELECTOR, 'main table').text)
        self.scan('leavers')
        button.click()
        self.wait_notice('is back on roll.')
        self.assertFalse(record(pupil['upn'])['pupil']['archived'])
        self.assertIn(pupil['upn'], [p['upn'] for p in api('GET', '/pupils?year=6')['pupils']])

    def test_a_governor_sees_every_field_read_only(self):
        pupil = api('GET', '/pupils?year=3')['pupils'][0]
        governor = new_browser()
        try:
            wait = WebDriverWait(governor, 20)
            governor.get(harness.server.url + '/')
            wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[name=username]')).send_keys('governor')
            governor.find_element(By.CSS_SELECTOR, 'input[name=password]').send_keys(demo_password('governor'))
            governor.find_element(By.XPATH, "//button[normalize-space()='Next']").click()
            wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[name=code]')).send_keys(current_code(harness.server, 'governor'))
            governor.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
            wait.until(lambda b: not b.find_element(By.ID, 'nav').get_attribute('hidden'))
            governor.get(harness.server.url + '/#/pupil-edit?upn=%s' % pupil['upn'])
            wait.until(lambda b: b.find_element(By.ID, 'pf-surname'))
            self.assertEqual(governor.find_element(By.ID, 'pf-surname').get_attribute('value'), pupil['surname'])
            self.assertFalse(governor.find_element(By.ID, 'pf-surname').is_enabled())
            self.assertEqual(governor.find_elements(By.XPATH, "//button[normalize-space()='Save the record']"), [])
            self.assertIn('shown read-only', governor.find_element(By.ID, 'main').text)
            governor.get(harness.server.url + '/#/pupils')
            wait.until(lambda b: b.find_element(By.LINK_TEXT, 'Leavers (archived pupils)'))
            self.assertEqual(governor.find_elements(By.LINK_TEXT, 'Add a pupil'), [])
        finally:
            governor.quit()


if __name__ == '__main__':
    unittest.main()
