#!/usr/bin/python3
"""Adding a school from the page (issue 14, item 6), in headless Chromium against a real `waymark
serve` (the harness of web_page_test.py): the demo school's administrator adds one on the Maintenance
screen, a refusal shown by the field it names; the demo's authority user adds one and sees it listed;
and on a database that holds no school yet an authority user adds the first from the page that says
so, then lands on that school. Run by ctest as web.school_tests and web.first_school_tests, or by hand:

    WAYMARK_BIN=build/dev/bin/waymark WEB_TEST_OUTPUT=build/dev/tests/web /usr/bin/python3 tests/web/schools_screen_test.py -v
"""
import json
import re
import subprocess
import unittest

from selenium.webdriver.common.by import By

import web_page_test as harness
from web_page_test import page_test


def setUpModule():
    harness.setUpModule()


def tearDownModule():
    harness.tearDownModule()


def schools_in_the_database(school):
    """Every school the database holds, by number, as `waymark schools list --json` prints them."""
    listed = subprocess.run([harness.WAYMARK, 'schools', 'list', '--json'], env=school.env, capture_output=True, text=True)
    if listed.returncode != 0:
        raise AssertionError('waymark schools list: ' + listed.stderr)
    return {s['school']: s for s in json.loads(listed.stdout)}


class adding_a_school(page_test):
    """The Maintenance screen's Schools section, as the class's user fills its form."""

    def add_school(self, number, name, postcode=''):
        self.type_into('#school-form input[data-field=laestab]', number)
        self.type_into('#school-form input[data-field=name]', name)
        self.type_into('#school-form input[data-field=postcode]', postcode)
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add the school']").click()

    def open_schools(self):
        self.open('#/maintenance')
        return self.wait_for('#school-form')

    def listed_schools(self):
        return self.browser.execute_script(
            "return [...document.querySelectorAll('#schools-table tbody tr')].map(r => r.textContent)")


class school_tests(adding_a_school):
    signs_in_as = 'admin'

    def test_an_administrator_adds_a_school_and_a_wrong_number_is_refused_beside_its_field(self):
        self.open_schools()
        self.add_school('80140', 'Ribble Vale Primary')
        problem = self.wait_for('#school-form .problem')
        self.assertEqual(problem.text, "A school's number is its LA number and establishment number together, seven digits "
                                       "such as 8012000, not '80140'.")
        self.assertEqual(self.browser.switch_to.active_element.get_attribute('data-field'), 'laestab')
        self.photograph('maintenance-school-refused')
        self.assertNotIn('8014002', schools_in_the_database(harness.server))

        self.add_school('8014002', 'Ribble Vale Primary', 'pr3 1aa')
        self.wait_done('Added school 8014002 Ribble Vale Primary (academic year ')
        self.photograph('maintenance-school-added')
        self.assertEqual(self.serious_violations(), [])
        added = schools_in_the_database(harness.server).get('8014002')
        self.assertIsNotNone(added)
        self.assertEqual((added['name'], added['postcode']), ('Ribble Vale Primary', 'PR3 1AA'))


class authority_school_tests(adding_a_school):
    signs_in_as = 'adviser'  # the demo's LA adviser, granted the demo school

    def test_an_authority_user_adds_a_school_and_sees_it_listed(self):
        self.open_schools()
        before = self.listed_schools()
        self.add_school('8015003', 'Fell Side Academy')
        self.wait_done('Added school 8015003 Fell Side Academy')
        listed = self.listed_schools()
        self.assertEqual(len(listed), len(before) + 1)
        self.assertTrue(any('8015003' in row and 'Fell Side Academy' in row for row in listed), listed)
        self.photograph('maintenance-school-listed')
        self.assertIn('8015003', schools_in_the_database(harness.server))


class first_school_tests(page_test):
    """A database with no school yet and one authority user (`waymark users add`): the page says
    there is no school and offers the form; the school added is the one the page then opens."""

    signs_in_as = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.empty = harness.served_school(prepare=('users', 'add', 'trust.lead', '--role', 'authority'), signs_in_as_admin=False)
        password = re.search(r'password:\s+(\S+)', cls.empty.demo_output).group(1)
        cls.sign_in_through_the_page('trust.lead', password=password, school=cls.empty, until='#school-form')

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.empty.stop()

    def test_the_first_school_is_added_from_the_page_that_says_there_is_none(self):
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, 'main h1').text, 'No school yet')
        self.assertIn('Add the first one here', self.browser.find_element(By.CSS_SELECTOR, 'main p').text)
        self.photograph('no-school-yet')
        self.assertEqual(self.serious_violations(), [])
        self.type_into('#school-form input[data-field=laestab]', '8016004')
        self.type_into('#school-form input[data-field=name]', 'Moorland Primary')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add the school']").click()
        self.wait.until(lambda b: b.find_element(By.ID, 'school-name').text == 'Moorland Primary')
        self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'main h1').text == 'Moorland Primary')
        self.photograph('first-school-added')
        self.assertEqual(list(schools_in_the_database(self.empty)), ['8016004'])


if __name__ == '__main__':
    unittest.main()
