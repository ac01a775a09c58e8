#!/usr/bin/python3
"""The web page in a real browser: headless Chromium (Debian's chromium and chromium-driver, driven by
python3-selenium) against a real `waymark serve` on a free port over a fresh demo school in a temporary
folder. Run by ctest (tests/web/CMakeLists.txt), or by hand:

    WAYMARK_BIN=build/dev/bin/waymark WEB_TEST_OUTPUT=build/dev/tests/web /usr/bin/python3 tests/web/web_page_test.py -v

Every screen is photographed into WEB_TEST_OUTPUT/screenshots and scanned with axe-core (AXE_JS, the
file the test fixture downloads with its SHA-512 checked); serious or critical violations fail.
"""
import base64
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

WAYMARK = os.environ.get('WAYMARK_BIN', 'build/dev/bin/waymark')
OUTPUT = os.environ.get('WEB_TEST_OUTPUT', tempfile.gettempdir())
AXE_JS = os.environ.get('AXE_JS', '')
SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCREENSHOTS = os.path.join(OUTPUT, 'screenshots')
DOWNLOADS = os.path.join(OUTPUT, 'downloads', str(os.getpid()))

server = None  # the one `waymark serve` every test talks to (see setUpModule)


class served_school:
    """A demo school in a scratch folder (`waymark main` builds and imports it) and `waymark serve`
    over it on a free loopback port."""

    def __init__(self, extra_serve_options=(), prepare=('main',), signs_in_as_admin=True):
        """`prepare` is the waymark command that fills the folder first (the demo school, or e.g. a
        `users add` into an empty database); its output is kept as demo_output."""
        self.folder = tempfile.mkdtemp(prefix='wm_web_')
        with open(os.path.join(self.folder, 'waymark.ini'), 'w') as settings:
            settings.write('[plugin org.waymark.school-bands]\nconfig = %s/plugins/school-bands/example.bands\n' % SOURCE_DIR)
        env = dict(os.environ, WAYMARK_DATA_DIR=self.folder, TZ='UTC')
        env.pop('WAYMARK_PLUGIN_PATH', None)
        self.env = env
        built = subprocess.run([WAYMARK, *prepare], env=env, capture_output=True, text=True)
        if built.returncode != 0:
            raise RuntimeError('waymark %s failed: %s%s' % (' '.join(prepare), built.stderr, built.stdout))
        # WAYMARK_WEB_ROOT (e.g. host/web) serves the page from disk, to try an edit without rebuilding.
        web_root = ['--web-root', os.environ['WAYMARK_WEB_ROOT']] if os.environ.get('WAYMARK_WEB_ROOT') else []
        self.process = subprocess.Popen([WAYMARK, 'serve', '--port', '0', *web_root, *extra_serve_options], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first = self.process.stdout.readline()
        found = re.search(r'http://127\.0\.0\.1:(\d+)', first)
        if not found:
            self.process.kill()
            raise RuntimeError('waymark serve did not say where it serves: ' + first + self.process.stdout.read())
        self.url = 'http://127.0.0.1:%s' % found.group(1)
        self.demo_output = built.stdout  # `waymark main` prints the demo accounts, once
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None
        self.school = None
        if not signs_in_as_admin:
            return
        # The test's own requests are the administrator's.
        self.api('POST', '/session', {'username': 'admin', 'password': demo_password('admin', self)})
        self.csrf = self.api('POST', '/session/second-step', {'code': current_code(self, 'admin')})['csrf_token']
        self.school = self.api('GET', '/schools')[0]['school']

    def api(self, method, path, body=None, expect_error=False):
        data = None if body is None else json.dumps(body).encode()
        headers = {'Content-Type': 'application/json'} if data else {}
        if self.csrf and method != 'GET':
            headers['X-CSRF-Token'] = self.csrf
        request = urllib.request.Request(self.url + '/api/v1' + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request) as reply:
                text = reply.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as refused:
            if expect_error:
                return {'status': refused.code, **json.loads(refused.read() or b'{}')}
            raise AssertionError('%s %s answered %s: %s' % (method, path, refused.code, refused.read().decode()))

    def school_api(self, method, rest, body=None, expect_error=False):
        return self.api(method, '/schools/%s%s' % (self.school, rest), body, expect_error)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)


def setUpModule():
    global server
    os.makedirs(SCREENSHOTS, exist_ok=True)
    shutil.rmtree(DOWNLOADS, ignore_errors=True)
    os.makedirs(DOWNLOADS, exist_ok=True)
    server = served_school()


def tearDownModule():
    if server:
        server.stop()


def new_browser(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                     '--window-size=%d,%d' % (width, height), '--lang=en-GB'):
        options.add_argument(argument)
    options.set_capability('unhandledPromptBehavior', 'accept')  # "leave with unsaved changes?": yes
    options.add_experimental_option('prefs', {'download.default_directory': DOWNLOADS, 'download.prompt_for_download': False})
    browser = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    browser.execute_cdp_cmd('Page.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': DOWNLOADS})
    browser.set_script_timeout(60)
    return browser


class page_test(unittest.TestCase):
    """One browser per test class; helpers to open screens, wait, photograph and scan them."""

    @classmethod
    def setUpClass(cls):
        cls.browser = new_browser()
        cls.wait = WebDriverWait(cls.browser, 20)
        if cls.signs_in_as:
            cls.sign_in_through_the_page(cls.signs_in_as)

    signs_in_as = 'head'  # the leader: reads and writes the whole school's tracking

    @classmethod
    def sign_in_through_the_page(cls, name, password=None, school=None, until='#nav'):
        """Signs in, then waits for `until` to show: the screens' menu, or on a database without a
        school (whose page has none) what that page shows instead."""
        school = school or server
        browser = cls.browser
        browser.get(school.url + '/')
        cls.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[name=username]')).send_keys(name)
        browser.find_element(By.CSS_SELECTOR, 'input[name=password]').send_keys(password or demo_password(name, school))
        browser.find_element(By.XPATH, "//button[normalize-space()='Next']").click()
        code = cls.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[name=code]'))
        browser.save_screenshot(os.path.join(SCREENSHOTS, 'sign-in-code.png'))
        code.send_keys(current_code(school, name))
        browser.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
        cls.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, until).is_displayed())

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def open(self, address):
        # A fresh load each time, so nothing of the screen before can pass for the one asked for.
        self.browser.get('about:blank')
        self.browser.get(server.url + '/' + address)
        self.wait.until(lambda b: b.execute_script("return document.querySelector('#nav') && !document.querySelector('#nav').hidden"))

    def wait_for(self, css):
        return self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, css))

    def photograph(self, name):
        """The whole page, not only the window: what a teacher sees when scrolling down. The page
        itself never scrolls sideways (a wide grid scrolls inside its own box)."""
        overflow = self.browser.execute_script('return document.documentElement.scrollWidth - document.documentElement.clientWidth')
        self.assertLessEqual(overflow, 0, '%s is wider than the window' % name)
        size = self.browser.execute_script('return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]')
        shot = self.browser.execute_cdp_cmd('Page.captureScreenshot', {
            'format': 'png', 'captureBeyondViewport': True,
            'clip': {'x': 0, 'y': 0, 'width': size[0], 'height': min(size[1], 4000), 'scale': 1}})
        with open(os.path.join(SCREENSHOTS, name + '.png'), 'wb') as picture:
            picture.write(base64.b64decode(shot['data']))

    def type_into(self, css, text):
        control = self.browser.find_element(By.CSS_SELECTOR, css)
        control.clear()
        control.send_keys(text)
        return control

    def wait_done(self, text):
        # Read in one script: each change draws the screen afresh, so elements found earlier go stale.
        self.wait.until(lambda b: text in b.execute_script("return [...document.querySelectorAll('main .notice')].map(n => n.textContent).join(' ')"))

    def serious_violations(self):
        if not AXE_JS:
            self.skipTest('AXE_JS names no axe-core script (the ctest fixture downloads it)')
        with open(AXE_JS) as script:
            self.browser.execute_script(script.read())
        result = self.browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));")
        self.assertIsInstance(result, list, result)
        return ['%s (%s): %s at %s' % (v['id'], v['impact'], v['help'], [n['target'] for n in v['nodes']][:3])
                for v in result if v['impact'] in ('serious', 'critical')]


def year4_classes():
    pupils = server.school_api('GET', '/pupils?year=4')['pupils']
    classes = {}
    for pupil in pupils:
        classes.setdefault(pupil['class'], []).append(pupil)
    return classes


def new_assessment(name, years=(4,)):
    return server.school_api('POST', '/assessments', {'name': name, 'date': time.strftime('%Y-%m-%d'), 'year_groups': list(years)})


def grid_values(assessment, class_name, subject):
    grid = server.school_api('GET', '/assessments/%d/grid?class=%s' % (assessment['id'], class_name))
    return [(p['judgements'].get(subject) or {}).get('code') for p in grid['pupils']]


class keystrokes:
    """Sends keys to the focused element and counts them: a key with Ctrl or Shift held is one."""

    def __init__(self, browser):
        self.browser = browser
        self.count = 0

    def press(self, *keys, times=1):
        for _ in range(times):
            ActionChains(self.browser).send_keys(*keys).perform()
            self.count += 1

    def chord(self, modifier, key):
        ActionChains(self.browser).key_down(modifier).send_keys(key).key_up(modifier).perform()
        self.count += 1


class grid_tests(page_test):

    def open_grid(self, assessment, class_name):
        self.open('#/grid?assessment=%d&class=%s' % (assessment['id'], class_name))
        self.wait_for('table.grid td.cell')

    def cell(self, row, column):
        return self.browser.find_element(By.CSS_SELECTOR, 'td.cell[data-row="%d"][data-column="%d"]' % (row, column))

    def subject_column(self, subject):
        headings = [th.text.lower() for th in self.browser.find_elements(By.CSS_SELECTOR, 'table.grid thead th.col-judgement')]
        return headings.index(subject)

    def wait_saved(self):
        self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, '.save-state').text.startswith('All changes saved'))

    def test_a_class_is_entered_from_the_keyboard_in_at_most_four_keys_a_pupil(self):
        assessment = new_assessment('Keyboard entry')
        class_name, pupils = sorted(year4_classes().items())[0]
        n = len(pupils)
        self.open_grid(assessment, class_name)
        reading, writing, maths = (self.subject_column(s) for s in ('reading', 'writing', 'maths'))
        self.assertEqual((writing, maths), (reading + 1, reading + 2))
        self.cell(0, reading).click()
        keys = keystrokes(self.browser)
        pattern = 'otobdtoo'
        expected = {'reading': [], 'writing': [], 'maths': []}
        letters = {'o': 'OT', 't': 'T', 'b': 'B', 'd': 'D'}
        # Reading: one letter a pupil; the last moves on to the top of writing.
        for i in range(n):
            keys.press(pattern[i % len(pattern)])
            expected['reading'].append(letters[pattern[i % len(pattern)]])
        # Writing: most are on track, so the top one is typed and flood-filled down (Ctrl+D), then
        # three exceptions are changed by moving down to them.
        keys.press('o')
        keys.press(Keys.ARROW_UP)
        keys.chord(Keys.CONTROL, 'd')
        expected['writing'] = ['OT'] * n
        row = 0
        for target, letter in ((5, 't'), (12, 'b'), (min(20, n - 1), 'd')):
            keys.press(Keys.ARROW_DOWN, times=target - row)
            keys.press(letter)
            expected['writing'][target] = letters[letter]
            row = target + 1
        # Maths: to its top (Right, Ctrl+Up) and one letter a pupil.
        keys.press(Keys.ARROW_RIGHT)
        keys.chord(Keys.CONTROL, Keys.ARROW_UP)
        for i in range(n):
            letter = pattern[(i + 3) % len(pattern)]
            keys.press(letter)
            expected['maths'].append(letters[letter])
        keys.chord(Keys.CONTROL, 's')
        self.wait_saved()
        print('\n%d pupils x 3 subjects entered with %d keystrokes' % (n, keys.count), file=sys.stderr)
        self.assertLessEqual(keys.count, 4 * n)
        if n == 30:
            self.assertLessEqual(keys.count, 120)
        for subject in ('reading', 'writing', 'maths'):
            self.assertEqual(grid_values(assessment, class_name, subject), expected[subject], subject)
        self.photograph('grid-entered')

    def test_column_sections_show_characteristics_custom_fields_and_statutory_data(self):
        server.school_api('PUT', '/custom-flags', {'names': ['Young carer', '', '', '', '', '']})
        assessment = new_assessment('Sections')
        class_name, _ = sorted(year4_classes().items())[0]
        grid = server.school_api('GET', '/assessments/%d/grid?class=%s' % (assessment['id'], class_name))
        row_of = next(i for i, p in enumerate(grid['pupils']) if p['statutory']['ks1'].get('reading'))
        pupil = grid['pupils'][row_of]
        self.open('#/home')
        self.browser.execute_script("localStorage.removeItem('waymark.grid.sections')")
        self.open_grid(assessment, class_name)
        headings = lambda: [th.text for th in self.browser.find_elements(By.CSS_SELECTOR, 'table.grid thead th')]
        # Each heading's text in the pupil's row: the row's header cell is the Pupil column.
        in_row = lambda: dict(zip(headings()[1:], [td.text for td in self.browser.find_elements(
            By.CSS_SELECTOR, 'table.grid tbody tr:nth-child(%d) td' % (row_of + 1))]))
        leading = lambda: (int(self.browser.find_element(By.CSS_SELECTOR, 'table.grid tfoot th').get_attribute('colspan')),
                           headings().index('Reading'))
        # Seed 000: characteristics and custom fields start hidden; statutory data stands before the assessment.
        self.assertFalse(self.browser.find_element(By.ID, 'section-characteristics').is_selected())
        self.assertNotIn('Gender', headings())
        self.assertLess(headings().index('KS1 Reading'), headings().index('Reading'))
        self.assertIn('Phonics check Year 1', headings())
        ks1 = pupil['statutory']['ks1']['reading']
        self.assertEqual(in_row()['KS1 Reading'], ks1['ta'] + (' (%s)' % ks1['scaled_score'] if ks1['scaled_score'] else ''))
        self.assertEqual(in_row()['GLD'], {True: 'Yes', False: 'No', None: ''}[pupil['statutory']['gld']])
        self.assertEqual(leading()[0], leading()[1], 'the statistics rows line up under the judgements')

        self.browser.find_element(By.CSS_SELECTOR, 'label[for="section-characteristics"]').click()
        self.browser.find_element(By.CSS_SELECTOR, 'label[for="section-custom"]').click()
        self.assertEqual(in_row()['Gender'], pupil['characteristics']['gender'])
        self.assertEqual(in_row()['SEN'], pupil['characteristics']['sen'])
        self.assertEqual(in_row()['Pupil premium'], 'Yes' if pupil['characteristics']['pupil_premium'] else 'No')
        self.assertEqual(in_row()['Young carer'], 'Yes' if pupil['custom_flags'][0] else 'No')
        self.assertEqual(leading()[0], leading()[1])
        self.photograph('grid-sections')

        # The choice is remembered: reopened, the grid keeps it; statutory data is hidden in turn.
        self.open_grid(assessment, class_name)
        self.assertTrue(self.browser.find_element(By.ID, 'section-characteristics').is_selected())
        self.assertIn('Gender', headings())
        self.browser.find_element(By.CSS_SELECTOR, 'label[for="section-statutory"]').click()
        self.assertNotIn('KS1 Reading', headings())
        self.assertEqual(leading()[0], leading()[1])
        self.browser.execute_script("localStorage.removeItem('waymark.grid.sections')")
        server.school_api('PUT', '/custom-flags', {'names': ['', '', '', '', '', '']})

    def test_statistics_under_the_grid_follow_every_keystroke(self):
        assessment = new_assessment('Statistics')
        class_name, pupils = sorted(year4_classes().items())[0]
        self.open_grid(assessment, class_name)
        column = self.subject_column('reading')
        on_track = lambda: self.browser.find_element(
            By.CSS_SELECTOR, 'table.grid tfoot tr[data-statistic="on-track"] td[data-column="%d"]' % column).text
        self.assertEqual(on_track(), '0 (0%)')
        self.cell(0, column).click()
        ActionChains(self.browser).send_keys('o').perform()
        n = len(pupils)
        self.assertEqual(on_track(), '1 (%d%%)' % round(100 / n))
        ActionChains(self.browser).send_keys('d').perform()
        self.assertEqual(on_track(), '2 (%d%%)' % round(200 / n))
        ActionChains(self.browser).send_keys('b').perform()
        self.assertEqual(on_track(), '2 (%d%%)' % round(200 / n))
        self.photograph('grid-statistics')

    def test_a_pasted_column_with_a_mistake_is_marked_in_place_and_nothing_is_saved(self):
        assessment = new_assessment('Pasted column')
        class_name, pupils = sorted(year4_classes().items())[-1]
        self.open_grid(assessment, class_name)
        column = self.subject_column('maths')
        self.cell(0, column).click()
        self.browser.execute_script(
            "const data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
            "document.activeElement.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
            'OT\r\nTowards\r\nQ\r\non track\r\nDL\r\n')
        bad = self.wait.until(lambda b: self.cell(2, column) if 'invalid' in self.cell(2, column).get_attribute('class') else False)
        self.assertIn("'Q' is not a grade of the Lancashire four-band scheme", bad.get_attribute('title'))
        problems = self.browser.find_element(By.CSS_SELECTOR, '.grid-problems').text
        self.assertIn('Q', problems)
        self.assertIn('Nothing is saved', problems)
        self.assertFalse(self.browser.find_element(By.CSS_SELECTOR, '.toolbar button.primary').is_enabled())
        self.assertEqual(self.cell(4, column).text.split()[0], 'D')  # the scheme's alias DL read as D
        self.photograph('grid-paste-error')
        time.sleep(4)  # longer than the automatic save waits
        self.assertEqual(grid_values(assessment, class_name, 'maths')[:5], [None] * 5)
        # Put right in place: the save goes through with every pasted value.
        self.cell(2, column).click()
        ActionChains(self.browser).send_keys('b').perform()
        self.browser.find_element(By.CSS_SELECTOR, '.toolbar button.primary').click()
        self.wait_saved()
        self.assertEqual(grid_values(assessment, class_name, 'maths')[:5], ['OT', 'T', 'B', 'OT', 'D'])

    def test_fill_column_floods_the_empty_cells_and_saves_them(self):
        assessment = new_assessment('Flood fill')
        class_name, pupils = sorted(year4_classes().items())[0]
        server.school_api('PUT', '/assessments/%d/judgements/%s/writing' % (assessment['id'], pupils_in_grid(assessment, class_name)[1]), {'value': 'D'})
        self.open_grid(assessment, class_name)
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Fill column…']").click()
        Select(self.browser.find_element(By.CSS_SELECTOR, '.fill-form select')).select_by_visible_text('Writing')
        Select(self.browser.find_elements(By.CSS_SELECTOR, '.fill-form select')[1]).select_by_value('T')
        self.photograph('grid-fill')
        self.browser.find_element(By.XPATH, "//form[contains(@class,'fill-form')]//button[normalize-space()='Fill']").click()
        self.browser.find_element(By.CSS_SELECTOR, '.toolbar button.primary').click()
        self.wait_saved()
        values = grid_values(assessment, class_name, 'writing')
        self.assertEqual(values[1], 'D')  # a cell with a grade is kept
        self.assertEqual(values[:1] + values[2:], ['T'] * (len(values) - 1))

    def test_delete_empties_a_saved_cell_in_the_next_save(self):
        assessment = new_assessment('Emptying a cell')
        class_name, _ = sorted(year4_classes().items())[0]
        self.open_grid(assessment, class_name)
        column = self.subject_column('reading')
        self.cell(0, column).click()
        ActionChains(self.browser).send_keys('o').send_keys('t').perform()
        ActionChains(self.browser).key_down(Keys.CONTROL).send_keys('s').key_up(Keys.CONTROL).perform()
        self.wait_saved()
        self.assertEqual(grid_values(assessment, class_name, 'reading')[:2], ['OT', 'T'])
        self.cell(0, column).click()
        ActionChains(self.browser).send_keys(Keys.DELETE).perform()
        self.wait.until(lambda b: not b.find_element(By.CSS_SELECTOR, '.save-state').text.startswith('All changes saved'))
        ActionChains(self.browser).key_down(Keys.CONTROL).send_keys('s').key_up(Keys.CONTROL).perform()
        self.wait_saved()
        self.assertEqual(grid_values(assessment, class_name, 'reading')[:2], [None, 'T'])

    def test_a_save_over_another_teachers_change_asks_whose_to_keep(self):
        assessment = new_assessment('Conflict')
        class_name, _ = sorted(year4_classes().items())[0]
        upns = pupils_in_grid(assessment, class_name)
        probe = server.school_api('POST', '/assessments/%d/judgements' % assessment['id'], {'changes': []}, expect_error=True)
        if probe and probe.get('status') == 404 and 'There is nothing at' in probe.get('message', ''):
            self.skipTest('the server has no POST .../judgements (the batch save with seen record ids) yet')
        self.open_grid(assessment, class_name)
        column = self.subject_column('reading')
        self.cell(0, column).click()
        ActionChains(self.browser).send_keys('t').perform()
        # Meanwhile another teacher saves the same cell.
        server.school_api('PUT', '/assessments/%d/judgements/%s/reading' % (assessment['id'], upns[0]), {'value': 'D'})
        self.browser.find_element(By.CSS_SELECTOR, '.toolbar button.primary').click()
        box = self.wait_for('.conflicts:not([hidden]) h2')
        self.assertRegex(box.text, r'changed this cell at \d\d:\d\d on ')
        self.photograph('grid-conflict')
        self.assertEqual(grid_values(assessment, class_name, 'reading')[0], 'D')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Keep mine']").click()
        self.browser.find_element(By.CSS_SELECTOR, '.toolbar button.primary').click()
        self.wait_saved()
        self.assertEqual(grid_values(assessment, class_name, 'reading')[0], 'T')

    def test_a_cells_colour_is_overridden_and_returned_to_the_schemes(self):
        assessment = new_assessment('Colour')
        class_name, _ = sorted(year4_classes().items())[0]
        server.school_api('POST', '/assessments/%d/judgements/fill' % assessment['id'], {'subject': 'maths', 'value': 'OT', 'class': class_name})
        self.open_grid(assessment, class_name)
        self.cell(0, self.subject_column('maths')).click()
        self.browser.execute_script(
            "const input = document.getElementById('cell-colour'); input.value = '#ffa500';"
            "input.dispatchEvent(new Event('change', {bubbles: true}));")
        self.wait.until(lambda b: b.find_element(By.XPATH, "//button[normalize-space()='Scheme colour']").is_enabled())
        cell = lambda: server.school_api('GET', '/assessments/%d/grid?class=%s' % (assessment['id'], class_name))['pupils'][0]['judgements']['maths']
        self.assertEqual((cell()['colour'], cell()['colour_overridden'], cell()['code']), ('#FFA500', True, 'OT'))
        self.assertIn('255, 165, 0', self.cell(0, self.subject_column('maths')).value_of_css_property('background-color'))
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Scheme colour']").click()
        self.wait.until(lambda b: not b.find_element(By.XPATH, "//button[normalize-space()='Scheme colour']").is_enabled())
        self.assertFalse(cell()['colour_overridden'])

    def test_the_grid_at_tablet_width_and_its_accessibility(self):
        assessment = new_assessment('Accessibility')
        class_name, _ = sorted(year4_classes().items())[0]
        server.school_api('POST', '/assessments/%d/judgements/fill' % assessment['id'], {'subject': 'reading', 'value': 'OT', 'class': class_name})
        upns = pupils_in_grid(assessment, class_name)
        server.school_api('POST', '/pupils/inclusion', {'upns': [upns[2]], 'include_in_data': False})
        server.school_api('POST', '/pupils/%s/meetings' % upns[1], {'teacher': 'Ms Test', 'held_on': time.strftime('%Y-%m-%d'), 'answers': []})
        try:
            self.open_grid(assessment, class_name)
            icon = self.wait_for('th.pupil[data-upn="%s"] .meeting' % upns[1])
            self.assertEqual(icon.get_attribute('title'), '1 progress meeting')
            self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, 'th.pupil .meeting')), 1)
            banner = self.browser.find_element(By.CSS_SELECTOR, '.banner')
            self.assertTrue(banner.is_displayed())
            self.assertIn('Include in data is off for 1 pupil', banner.text)
            self.photograph('grid')
            self.assertEqual(self.serious_violations(), [])
            self.browser.set_window_size(820, 1180)  # a tablet held upright
            self.photograph('grid-tablet')
            self.browser.set_window_size(1280, 900)
        finally:
            server.school_api('POST', '/pupils/inclusion', {'upns': [upns[2]], 'include_in_data': True})


def pupils_in_grid(assessment, class_name):
    return [p['upn'] for p in server.school_api('GET', '/assessments/%d/grid?class=%s' % (assessment['id'], class_name))['pupils']]


class screen_tests(page_test):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assessment = new_assessment('Autumn 1', years=(1, 2, 3, 4, 5, 6))
        for class_name in year4_classes():
            for subject, value in (('reading', 'OT'), ('writing', 'T'), ('maths', 'OT')):
                server.school_api('POST', '/assessments/%d/judgements/fill' % cls.assessment['id'], {'subject': subject, 'value': value, 'class': class_name})

    def check_screen(self, address, name, ready_css):
        self.open(address)
        self.wait_for(ready_css)
        self.photograph(name)
        self.assertEqual(self.serious_violations(), [], name)

    def test_home_shows_each_cohort_and_what_is_missing(self):
        self.check_screen('#/home', 'home', '.card')
        text = self.browser.find_element(By.ID, 'main').text
        self.assertRegex(text, r'100% of Year 4 \(\d+/\d+\) are on track in reading')
        self.assertIn('Still to enter', text)
        self.assertRegex(text, r'judgements missing')

    def test_pupil_search_is_remembered_and_opens_the_pupil(self):
        pupil = server.school_api('GET', '/pupils?year=4')['pupils'][0]
        self.open('#/pupils')
        box = self.wait_for('input[type=search]')
        box.send_keys(pupil['surname'])
        self.wait.until(lambda b: pupil['upn'] in b.find_element(By.ID, 'main').text)
        self.browser.refresh()
        self.wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[type=search]').get_attribute('value') == pupil['surname'])
        self.photograph('pupils')
        self.assertEqual(self.serious_violations(), [])
        self.browser.find_element(By.LINK_TEXT, '%s, %s' % (pupil['surname'], pupil['forename'])).click()
        self.wait_for('section.report h2')
        self.photograph('pupil')
        self.assertEqual(self.serious_violations(), [])
        self.assertIn('Download the profile (PDF)', self.browser.find_element(By.ID, 'main').text)

    def test_a_report_figure_drills_down_to_its_pupils(self):
        class_name = sorted(year4_classes())[0]
        self.check_screen('#/reports?report=full&assessment=%d&class=%s' % (self.assessment['id'], class_name), 'report-full', 'button.figure')
        figure = self.browser.find_element(By.CSS_SELECTOR, 'button.figure')
        figure.click()
        drill = self.wait_for('.drill:not([hidden]) table')
        rows = drill.find_elements(By.CSS_SELECTOR, 'tbody tr')
        self.assertGreater(len(rows), 0)
        self.photograph('report-drill-down')

    def test_the_matrix_sets_ks1_results_against_an_assessment(self):
        self.check_screen('#/reports?report=matrix&from=ks1&assessment=%d&year=4' % self.assessment['id'],
                          'report-matrix-ks1', 'section.report table')
        chosen = Select(self.browser.find_element(By.XPATH, "//label[contains(., 'Earlier data')]/following::select[1]"))
        self.assertEqual(chosen.first_selected_option.text, 'KS1 teacher assessment')
        text = self.browser.find_element(By.CSS_SELECTOR, 'section.report').text
        self.assertIn('KS1 teacher assessment', text)
        for outcome in ('WTS', 'EXS', 'GDS', 'No data'):
            self.assertIn(outcome, text)
        for matrix in self.browser.find_elements(By.CSS_SELECTOR, 'table.matrix'):
            self.assertNotRegex(matrix.text, r'\d\.\d\d+%', 'a share in a matrix has at most one decimal')

    def test_the_venn_is_drawn_as_svg(self):
        self.check_screen('#/reports?report=venn&assessment=%d&year=4' % self.assessment['id'], 'report-venn', 'svg.venn')
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, 'svg.venn circle')), 3)
        apart = self.browser.find_element(By.CSS_SELECTOR, '.venn-block tfoot').text
        self.assertRegex(apart, r'No judgement in at least one subject\s+\d+', 'unjudged pupils are counted apart from the regions')

    def test_the_summary_table_and_the_trends_chart_draw_on_screen(self):
        self.check_screen('#/reports?report=summary&assessment=%d&year=4' % self.assessment['id'], 'report-summary', 'section.report table')
        self.check_screen('#/reports?report=trends&year=4', 'report-trends', 'section.report svg.chart')
        self.assertGreater(len(self.browser.find_elements(By.CSS_SELECTOR, 'svg.chart polyline')), 0)

    def test_a_report_downloads_as_pdf(self):
        self.open('#/reports?report=full&assessment=%d&year=4' % self.assessment['id'])
        link = self.wait.until(lambda b: b.find_element(By.LINK_TEXT, 'PDF'))
        before = set(os.listdir(DOWNLOADS))
        link.click()
        deadline = time.time() + 30
        fresh = []
        while time.time() < deadline:
            fresh = [f for f in set(os.listdir(DOWNLOADS)) - before if not f.endswith('.crdownload')]
            if fresh:
                break
            time.sleep(0.2)
        self.assertEqual(len(fresh), 1, os.listdir(DOWNLOADS))
        self.assertTrue(fresh[0].endswith('.pdf'), fresh)
        with open(os.path.join(DOWNLOADS, fresh[0]), 'rb') as pdf:
            self.assertEqual(pdf.read(5), b'%PDF-')

    def test_targets_and_maintenance_screens(self):
        self.check_screen('#/targets', 'targets', 'main h2')
        self.check_screen('#/maintenance', 'maintenance', 'main h2')

    def test_readable_at_200_percent_zoom(self):
        self.open('#/home')
        self.wait_for('.card')
        self.browser.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {'width': 640, 'height': 450, 'deviceScaleFactor': 2, 'mobile': False})
        try:
            self.photograph('home-200-percent')
            overflow = self.browser.execute_script('return document.documentElement.scrollWidth - document.documentElement.clientWidth')
            self.assertLessEqual(overflow, 0)  # nothing to scroll sideways for on the home screen
        finally:
            self.browser.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


def demo_password(name, school=None):
    """The demo account's password from the table `waymark main` printed (User, Role, Password, ...),
    read by the header's column positions."""
    school = school or server
    lines = school.demo_output.splitlines()
    for i, header in enumerate(lines):
        if 'Password' not in header or 'User' not in header:
            continue
        start = header.index('Password')
        rest = header[start + len('Password'):]
        end = start + len('Password') + (len(rest) - len(rest.lstrip())) if rest.strip() else None
        for row in lines[i + 1:]:
            if row.split() and row.split()[0] == name:
                return row[start:end].strip()
    raise AssertionError('waymark demo printed no password for the demo account %s:\n%s' % (name, school.demo_output))


used_codes = {}


def current_code(school, name):
    """The account's six-digit code now, from `waymark users code NAME` (what the authenticator app
    shows). A code is accepted once, so a second sign-in of the same account waits for the next."""
    deadline = time.time() + 35
    while True:
        printed = subprocess.run([WAYMARK, 'users', 'code', name], env=school.env, capture_output=True, text=True)
        found = re.search(r'\b\d{6}\b', printed.stdout)
        if printed.returncode != 0 or not found:
            raise AssertionError('waymark users code %s: %s%s' % (name, printed.stdout, printed.stderr))
        if used_codes.get((school.url, name)) != found.group(0) or time.time() > deadline:
            used_codes[(school.url, name)] = found.group(0)
            return found.group(0)
        time.sleep(1)


class maintenance_tests(page_test):
    """The maintenance screen edits what it lists: meeting questions, the assessment calendar and
    statutory submissions, each change checked through the API afterwards."""

    signs_in_as = 'admin'  # the one role that may also unlock submitted results

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Every Year 1 pupil needs a phonics result before the year group can be submitted.
        year1 = server.school_api('GET', '/statutory?year=1')['pupils']
        server.school_api('PUT', '/statutory', {'values': [{'upn': p['upn'], 'measure': 'phonics', 'value': 36} for p in year1]})

    def open_maintenance(self):
        self.open('#/maintenance')
        return self.wait_for('#template-form')

    def test_a_question_is_added_changed_and_deleted(self):
        self.open_maintenance()
        self.type_into('#template-form textarea', 'What has helped most this term?')
        self.type_into('#template-form input[type=number]', '9')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add the question']").click()
        self.wait_done('The question is added.')
        made = [t for t in server.school_api('GET', '/discussion-templates') if t['question'] == 'What has helped most this term?']
        self.assertEqual(len(made), 1)
        self.assertEqual((made[0]['type'], made[0]['sort_order'], made[0]['live_to']), ('pupil', 9, None))
        self.browser.find_element(By.CSS_SELECTOR, 'button[aria-label="Change “What has helped most this term?”"]').click()
        self.assertEqual(self.browser.switch_to.active_element.get_attribute('data-field'), 'question')
        self.type_into('#template-form textarea', 'What has helped most since the last meeting?')
        self.photograph('maintenance-question-change')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Save the question']").click()
        self.wait_done('The question is saved.')
        changed = server.school_api('GET', '/discussion-templates/%d' % made[0]['id'])
        self.assertEqual(changed['question'], 'What has helped most since the last meeting?')
        self.browser.find_element(By.CSS_SELECTOR, 'button[aria-label="Delete “What has helped most since the last meeting?”"]').click()
        self.wait.until(lambda b: b.switch_to.alert).accept()
        self.wait_done('The question is deleted.')
        gone = server.school_api('GET', '/discussion-templates/%d' % made[0]['id'], expect_error=True)
        self.assertEqual(gone['status'], 404)

    def test_an_assessment_is_added_with_a_subject_on_its_own_scheme(self):
        self.open_maintenance()
        self.type_into('#assessment-form input[data-field=name]', 'Maintenance check')
        self.browser.execute_script("document.querySelector('#assessment-form input[type=date]').value = '2024-10-01'")
        for year in ('Year 3', 'Year 4'):
            self.browser.find_element(By.XPATH, "//form[@id='assessment-form']//label[normalize-space()='%s']/input" % year).send_keys(Keys.SPACE)
        # A row added and removed again leaves the focus on the button that adds one.
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add a subject']").click()
        self.browser.find_element(By.CSS_SELECTOR, 'button[aria-label="Remove subject 4"]').send_keys(Keys.ENTER)
        self.assertEqual(self.browser.switch_to.active_element.text, 'Add a subject')
        self.browser.switch_to.active_element.send_keys(Keys.ENTER)
        ActionChains(self.browser).send_keys('science').perform()  # the new row's subject has the focus
        Select(self.browser.find_element(By.CSS_SELECTOR, 'select[data-field="subjects[3].scheme"]')).select_by_value('org.waymark.school-bands')
        self.photograph('maintenance-new-assessment')
        self.assertEqual(self.serious_violations(), [])
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Add the assessment']").click()
        self.wait_done('Added Maintenance check')
        made = [a for a in server.school_api('GET', '/assessments') if a['name'] == 'Maintenance check']
        self.assertEqual(len(made), 1)
        self.assertEqual((made[0]['date'], made[0]['year_groups']), ('2024-10-01', [3, 4]))
        schemes = {s['code']: s['scheme'] for s in made[0]['subjects']}
        self.assertEqual(schemes['science'], 'org.waymark.school-bands')
        self.assertEqual(schemes['reading'], 'org.waymark.lancashire-four-band')

    def test_a_refusal_is_shown_beside_the_field_it_names(self):
        self.open_maintenance()
        # No declaration: the server's sentence lands beside the declaration, which is marked and focused.
        Select(self.browser.find_element(By.CSS_SELECTOR, '#submission-form select')).select_by_value('phonics-y1')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Submit and lock']").click()
        problem = self.wait_for('#submission-form .problem')
        beside = self.browser.execute_script('return arguments[0].previousElementSibling.querySelector("textarea").dataset.field', problem)
        self.assertEqual(beside, 'declaration')
        self.assertIn('needs a declaration', problem.text)
        self.assertEqual(self.browser.switch_to.active_element.get_attribute('data-field'), 'declaration')
        self.assertEqual(self.browser.switch_to.active_element.get_attribute('aria-invalid'), 'true')
        self.photograph('maintenance-refusal')
        self.assertEqual(self.serious_violations(), [])
        # Key stage 1 with no teacher assessments: a refusal of the whole submission, under the form's buttons.
        Select(self.browser.find_element(By.CSS_SELECTOR, '#submission-form select')).select_by_value('ks1')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Use the usual declaration']").click()
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Submit and lock']").click()
        self.wait.until(lambda b: 'needs a declaration' not in b.find_element(By.CSS_SELECTOR, '#submission-form .problem').text)
        foot = self.browser.find_element(By.CSS_SELECTOR, '#submission-form .form-actions .problem')
        self.assertIn('UPN', foot.text)
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, '#submission-form .problem')), 1)
        self.assertEqual(server.school_api('GET', '/statutory/submissions'), [])

    def test_results_are_submitted_with_the_declaration_then_unlocked(self):
        self.open_maintenance()
        Select(self.browser.find_element(By.CSS_SELECTOR, '#submission-form select')).select_by_value('phonics-y1')
        self.browser.find_element(By.CSS_SELECTOR, '#submission-form textarea').send_keys('I have authority from the Headteacher to submit these phonics results.')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Submit and lock']").click()
        self.wait_done('submitted and locked')
        made = [s for s in server.school_api('GET', '/statutory/submissions') if s['kind'] == 'phonics-y1']
        self.assertEqual(len(made), 1)
        self.assertEqual(made[0]['declaration'], 'I have authority from the Headteacher to submit these phonics results.')
        self.assertTrue(made[0]['locked'])
        self.assertIn('I have authority from the Headteacher to submit these phonics results.', self.browser.find_element(By.ID, 'main').text)
        self.type_into('#unlock-form textarea', 'A mark was mistyped.')
        self.photograph('maintenance-submitted')
        self.assertEqual(self.serious_violations(), [])
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Unlock']").click()
        self.wait_done('unlocked')
        unlocked = [s for s in server.school_api('GET', '/statutory/submissions') if s['kind'] == 'phonics-y1'][0]
        self.assertEqual((unlocked['locked'], unlocked['unlock_reason'], unlocked['unlocked_by']), (False, 'A mark was mistyped.', 'admin'))

    def test_the_forms_follow_the_role(self):
        for name, forms in (('head', ['class-add-form', 'class-rename-form', 'flags-form', 'subjects-form', 'assessment-form', 'template-form', 'submission-form']), ('governor', [])):
            self.browser.delete_all_cookies()
            self.sign_in_through_the_page(name)
            self.open('#/maintenance')
            self.wait_for('#statutory-title')
            shown = [f.get_attribute('id') for f in self.browser.find_elements(By.CSS_SELECTOR, 'main form')]
            self.assertEqual(shown, forms, name)


class sign_in_tests(page_test):
    """Sign-in as the contract (docs: /work/web-contract.md, README) has it; skipped on a server
    without GET /api/v1/session (local single-user mode)."""

    signs_in_as = None  # each test signs in itself

    def setUp(self):
        self.browser.delete_all_cookies()

    def sign_in(self, name, school=None):
        self.sign_in_through_the_page(name, school=school)

    def test_sign_in_takes_the_password_then_the_six_digit_code(self):
        self.browser.get(server.url + '/')
        self.wait_for('input[name=username]')
        self.photograph('sign-in')
        self.assertEqual(self.serious_violations(), [])
        self.sign_in('head')
        self.assertIn('leader', self.browser.find_element(By.ID, 'who').text)

    def test_a_wrong_password_is_refused_with_one_sentence(self):
        self.browser.get(server.url + '/')
        self.wait_for('input[name=username]').send_keys('head')
        self.browser.find_element(By.CSS_SELECTOR, 'input[name=password]').send_keys('not the password')
        self.browser.find_element(By.XPATH, "//button[normalize-space()='Next']").click()
        problem = self.wait_for('.problem')
        self.assertEqual(problem.text, 'The user name or password is wrong.')
        self.photograph('sign-in-wrong-password')

    def test_a_teacher_is_refused_another_class(self):
        self.sign_in('teacher4')
        mine = self.browser.execute_script('return fetch("/api/v1/session").then(r => r.json())')
        school = mine['school']
        other = [p for p in json.loads(self.browser.execute_script(
            'return fetch("/api/v1/schools/%s/pupils?year=5").then(r => r.text())' % school))['pupils']][0]
        assessment = new_assessment('Refusal', years=(4, 5))
        self.open('#/grid?assessment=%d&class=%s' % (assessment['id'], other['class']))
        self.assertIn('for reading only', self.wait_for('main .notice').text)
        self.photograph('grid-other-class')
        # The whole of Year 5 (no class chosen) takes typing; the server refuses the save.
        self.open('#/grid?assessment=%d&year=5' % assessment['id'])
        self.wait_for('table.grid td.cell').click()
        ActionChains(self.browser).send_keys('o').perform()
        ActionChains(self.browser).key_down(Keys.CONTROL).send_keys('s').key_up(Keys.CONTROL).perform()
        problem = self.wait_for('.grid-problems li')
        self.assertIn('You teach', problem.text)
        self.photograph('grid-teacher-refused')

    def test_a_change_without_the_security_token_is_refused(self):
        self.sign_in('head')
        answer = self.browser.execute_script(
            'return fetch("/api/v1/session/keep-alive", {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"})'
            '.then(async r => [r.status, await r.json()])')
        self.assertEqual(answer[0], 403)
        self.assertEqual(answer[1]['error'], 'csrf')

    def test_an_idle_session_warns_then_asks_for_sign_in_again(self):
        quick = served_school(['--idle-minutes', '1'])
        try:
            self.sign_in('head', school=quick)
            warning = WebDriverWait(self.browser, 90).until(lambda b: b.find_element(By.CSS_SELECTOR, '#idle-warning:not([hidden])'))
            self.assertIn('signed out in', warning.text)
            self.photograph('idle-warning')
            WebDriverWait(self.browser, 120).until(lambda b: b.find_element(By.CSS_SELECTOR, '#sign-in-again[open] input[name=username]'))
            self.photograph('idle-expired')
        finally:
            quick.stop()


if __name__ == '__main__':
    unittest.main()
