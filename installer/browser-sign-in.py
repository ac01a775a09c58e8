#!/usr/bin/python3
"""browser-sign-in.py URL USER PASSWORD SCREENSHOT -- CODE-COMMAND...

The installed Waymark as a teacher meets it: headless Chromium opens URL (the HTTPS site nginx
serves, with the test's self-signed certificate), types the user name and password, then the
six-digit code CODE-COMMAND prints at that moment, and waits for the signed-in page to say a
teacher is signed in. The page is photographed to SCREENSHOT. Exits non-zero with one sentence
saying which step failed. Used by installer/package-test.sh.
"""
import subprocess
import sys

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main():
    if len(sys.argv) < 7 or sys.argv[5] != '--':
        sys.exit(__doc__)
    url, user, password, screenshot = sys.argv[1:5]
    code_command = sys.argv[6:]

    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                     '--window-size=1280,900', '--lang=en-GB'):
        options.add_argument(argument)
    # The certificate is the test's own, made a minute ago; a school's would be trusted.
    options.set_capability('acceptInsecureCerts', True)
    browser = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    wait = WebDriverWait(browser, 30)
    step = 'opening ' + url
    try:
        browser.get(url + '/')
        step = 'waiting for the sign-in form'
        wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[name=username]')).send_keys(user)
        browser.find_element(By.CSS_SELECTOR, 'input[name=password]').send_keys(password)
        browser.find_element(By.XPATH, "//button[normalize-space()='Next']").click()
        step = 'waiting for the six-digit code step'
        code_field = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, 'input[name=code]'))
        code = subprocess.run(code_command, check=True, capture_output=True, text=True).stdout.strip()
        code_field.send_keys(code)
        browser.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
        step = 'waiting for the signed-in page'
        wait.until(lambda b: not b.find_element(By.ID, 'nav').get_attribute('hidden'))
        step = 'waiting for the page to say who is signed in, as a teacher'
        wait.until(lambda b: '(teacher)' in b.find_element(By.ID, 'who').text)
        browser.save_screenshot(screenshot)
        print('A teacher signed in through the browser at %s as %s.' % (url, user))
    except (TimeoutException, subprocess.CalledProcessError) as failure:
        browser.save_screenshot(screenshot)
        sys.exit('The browser sign-in failed while %s (%s); the page is in %s.'
                 % (step, type(failure).__name__, screenshot))
    finally:
        browser.quit()


if __name__ == '__main__':
    main()
