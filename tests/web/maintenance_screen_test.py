#!/usr/bin/python3
"""The Maintenance screen's class names, custom filter names and subjects with their schemes, and the
grid's spreadsheet downloads, in headless Chromium against a real `waymark serve` (the harness of
web_page_test.py: its own demo school for this file). Run by ctest as web.settings_tests, or by hand:

    WAYMARK_BIN=build/dev/bin/waymark WEB_TEST_OUTPUT=build/dev/tests/web /usr/bin/python3 tests/web/maintenance_screen_test.py -v
"""
import glob
import os
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import web_page_test as harness
from web_page_test import page_test, new_assessment, year4_classes


def setUpModule():
    harness.setUpModule()


def tearDownModule():
    harness.tearDownModule()


class settings_tests(page_test):
    """Each change is made on the page as a leader would, then checked through the API and where it
    shows: the grid's class filter, its characteristic filter, the new-assessment form."""

    signs_in_as = 'head'

    def open_maintenance(self):
        self.open('#/maintenance')
        return self.wait_for('#subjects-form')

    def click_button(self, text):
        self.browser.find_element(By.XPATH, "//button[normalize-space()='%s']" % text).click()

    def grid_options(self, label):
        select = self.browser.find_element(By.XPATH, "//form[contains(@class,'filters')]//label[normalize-space()='%s']/following-sibling::select" % label)
        return [o.text for o in Select(select).options]

    def test_a_renamed_class_is_offered_under_its_new_name_in_the_grid(self):
        old_name, pupils = sorted(year4_classes().items())[0]
        self.open_maintenance()
        Select(self.browser.find_element(By.CSS_SELECTOR, '#class-rename-form select')).select_by_value(old_name)
        self.type_into('#class-rename-form input[data-field=name]', 'Kingfisher')
        self.photograph('maintenance-classes')
        self.assertEqual(self.serious_violations(), [])
        self.click_button('Rename the class')
        self.wait_done('Class %s is now Kingfisher.' % old_name)
        listed = {c['name']: c['pupils'] for c in harness.server.school_api('GET', '/classes')}
        self.assertEqual(listed.get('Kingfisher'), len(pupils))
        self.assertNotIn(old_name, listed)
        assessment = new_assessment('After the rename')
        self.open('#/grid?assessment=%d&class=Kingfisher' % assessment['id'])
        self.wait_for('table.grid td.cell')
        self.assertIn('Kingfisher (Year 4)', self.grid_options('Class'))
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, 'table.grid tbody tr')), len(pupils))

    def test_a_class_with_pupils_is_not_deleted(self):
        name, pupils = sorted(year4_classes().items())[-1]
        self.open_maintenance()
        self.browser.find_element(By.CSS_SELECTOR, 'button[aria-label="Delete class %s"]' % name).click()
        self.wait.until(lambda b: b.switch_to.alert).accept()
        problem = self.wait_for('#classes-title ~ .table-scroll .problem')
        self.assertEqual(problem.text, 'Class %s has %d pupils; move them to another class before deleting it.' % (name, len(pupils)))
        self.photograph('maintenance-class-refused')
        self.assertIn(name, [c['name'] for c in harness.server.school_api('GET', '/classes')])
        # An empty class goes.
        self.type_into('#class-add-form input[data-field=name]', 'Spare room')
        self.click_button('Add the class')
        self.wait_done('Class Spare room is added.')
        self.browser.find_element(By.CSS_SELECTOR, 'button[aria-label="Delete class Spare room"]').click()
        self.wait.until(lambda b: b.switch_to.alert).accept()
        self.wait_done('Class Spare room is deleted.')
        self.assertNotIn('Spare room', [c['name'] for c in harness.server.school_api('GET', '/classes')])

    def test_a_named_custom_filter_is_offered_by_the_grid(self):
        self.open_maintenance()
        self.type_into('#flags-form input[data-field="names[1]"]', 'Young carer')
        self.click_button('Save the filter names')
        self.wait_done('The filter names are saved.')
        self.assertEqual(harness.server.school_api('GET', '/custom-flags')['names'], ['', 'Young carer', '', '', '', ''])
        self.photograph('maintenance-custom-filters')
        assessment = new_assessment('Custom filter')
        self.open('#/grid?assessment=%d' % assessment['id'])
        self.wait_for('table.grid')
        options = self.grid_options('Characteristic')
        self.assertIn('Young carer', options)
        self.assertIn('Not Young carer', options)
        Select(self.browser.find_element(By.XPATH, "//label[normalize-space()='Characteristic']/following-sibling::select")).select_by_visible_text('Young carer')
        self.wait.until(lambda b: 'only=custom2%3Dyes' in b.current_url or 'only=custom2=yes' in b.current_url)
        self.photograph('grid-custom-filter')

    def test_a_subjects_scheme_is_preselected_when_an_assessment_is_made(self):
        self.open_maintenance()
        Select(self.browser.find_element(By.CSS_SELECTOR, 'select[aria-label="Scheme for Mathematics"]')).select_by_value('org.waymark.school-bands')
        Select(self.browser.find_element(By.CSS_SELECTOR, '#subject-to-add')).select_by_value('science')
        self.click_button('Add the subject')
        Select(self.browser.find_element(By.CSS_SELECTOR, 'select[aria-label="Scheme for Science"]')).select_by_value('org.waymark.school-bands')
        self.photograph('maintenance-subjects')
        self.assertEqual(self.serious_violations(), [])
        self.click_button('Save the subjects')
        self.wait_done('The subjects and their schemes are saved')
        saved = {s['code']: s['scheme'] for s in harness.server.school_api('GET', '/subjects')['subjects']}
        self.assertEqual(saved, {'reading': 'org.waymark.lancashire-four-band', 'writing': 'org.waymark.lancashire-four-band',
                                 'maths': 'org.waymark.school-bands', 'science': 'org.waymark.school-bands'})
        # The new-assessment form starts with the school's subjects, each on its scheme.
        codes = [i.get_attribute('value') for i in self.browser.find_elements(By.CSS_SELECTOR, '#assessment-form input[data-field$=".code"]')]
        self.assertEqual(codes, ['reading', 'writing', 'maths', 'science'])
        chosen = Select(self.browser.find_element(By.CSS_SELECTOR, '#assessment-form select[data-field="subjects[2].scheme"]'))
        self.assertEqual(chosen.first_selected_option.get_attribute('value'), 'org.waymark.school-bands')
        # An unknown scheme is refused by the server with the ones there are.
        refused = harness.server.school_api('PUT', '/subjects', {'subjects': [{'code': 'maths', 'scheme': 'org.example.none'}]}, expect_error=True)
        self.assertEqual(refused['status'], 422)
        self.assertIn('choose one of', refused['message'])

    def test_the_grid_downloads_as_a_spreadsheet(self):
        assessment = new_assessment('Spreadsheet')
        class_name = sorted(year4_classes())[0]
        self.open('#/grid?assessment=%d&class=%s' % (assessment['id'], class_name))
        self.wait_for('table.grid td.cell')
        screen = self.browser.find_element(By.ID, 'screen-data').get_attribute('href')
        self.assertIn('/grid/spreadsheet?class=', screen)
        self.assertTrue(self.browser.find_element(By.ID, 'all-data').get_attribute('href').endswith('/grid/spreadsheet'))
        before = set(glob.glob(os.path.join(harness.DOWNLOADS, '*')))
        self.browser.find_element(By.ID, 'all-data').click()
        deadline = time.time() + 30
        arrived = []
        while time.time() < deadline and not arrived:
            arrived = [f for f in set(glob.glob(os.path.join(harness.DOWNLOADS, '*.xlsx'))) - before if os.path.getsize(f) > 0]
            time.sleep(0.5)
        self.assertTrue(arrived, 'no spreadsheet arrived in %s' % harness.DOWNLOADS)
        with open(arrived[0], 'rb') as workbook:
            self.assertEqual(workbook.read(2), b'PK')  # a zip, as every .xlsx is
        self.photograph('grid-downloads')
        self.assertEqual(self.serious_violations(), [])

    def test_readers_see_the_lists_without_the_forms(self):
        self.browser.delete_all_cookies()
        self.sign_in_through_the_page('governor')
        try:
            self.open('#/maintenance')
            self.wait_for('#subjects-title')
            self.assertEqual(self.browser.find_elements(By.CSS_SELECTOR, 'main form'), [])
            self.assertTrue(self.browser.find_elements(By.CSS_SELECTOR, '#classes-title ~ .table-scroll table'))
            self.photograph('maintenance-governor')
        finally:
            self.browser.delete_all_cookies()
            self.sign_in_through_the_page('head')


if __name__ == '__main__':
    unittest.main()
