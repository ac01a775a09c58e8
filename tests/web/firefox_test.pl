#!/usr/bin/perl
# The web page in Firefox (issue 7: "works in current Chromium and Firefox"). Debian's firefox-esr
# is driven through its own Marionette protocol by Firefox::Marionette (libfirefox-marionette-perl;
# Debian has no geckodriver for Selenium), against a real `waymark serve` over a fresh demo school.
# The Chromium suites (web_page_test.py) test every screen in depth; this walks a teacher's termly
# entry in Firefox: sign-in with the code, home, the class grid typed from the keyboard and saved,
# and a report drawn. Run by ctest, or by hand:
#
#     WAYMARK_BIN=build/dev/bin/waymark WEB_TEST_OUTPUT=build/dev/tests/web perl tests/web/firefox_test.pl
use strict;
use warnings;

use File::Path qw(make_path);
use File::Temp qw(tempdir);
use Firefox::Marionette ();
use Firefox::Marionette::Keys qw(CONTROL);
use JSON::PP ();
use Test::More;

my $waymark = $ENV{WAYMARK_BIN} // 'build/dev/bin/waymark';
my $screenshots = ($ENV{WEB_TEST_OUTPUT} // '/tmp') . '/screenshots';
make_path($screenshots);

$ENV{WAYMARK_DATA_DIR} = tempdir('wm_firefox_XXXXXX', TMPDIR => 1, CLEANUP => 1);
$ENV{TZ} = 'UTC';
delete $ENV{WAYMARK_PLUGIN_PATH};

my $accounts = `$waymark main 2>&1`;
die "waymark main failed:\n$accounts" if $?;

# The demo account's password from the table `waymark main` printed (User, Role, Password, ...),
# read by the header's column positions.
sub demo_password {
    my ($name) = @_;
    my @lines = split /\n/, $accounts;
    my ($header) = grep { /\bUser\b/ && /\bPassword\b/ } @lines;
    die "waymark main printed no accounts:\n$accounts" unless $header;
    my $start = index $header, 'Password';
    my $end = $header =~ /^.{$start}Password\s+\S/ ? $+[0] - 1 : undef;
    for my $row (@lines) {
        next unless $row =~ /^\s*\Q$name\E\s/;
        my $cell = defined $end ? substr($row, $start, $end - $start) : substr($row, $start);
        $cell =~ s/^\s+|\s+$//g;
        return $cell;
    }
    die "No demo account $name in:\n$accounts";
}

sub current_code {
    my ($name) = @_;
    my $printed = `$waymark users code $name 2>&1`;
    die "waymark users code $name: $printed" unless !$? && $printed =~ /\b(\d{6})\b/;
    return $1;
}

my $server_pid = open(my $server, '-|', $waymark, 'serve', '--port', '0') or die "Cannot start waymark serve: $!";
my $first = <$server> // '';
my ($url) = $first =~ m{(http://127\.0\.0\.1:\d+)} or die "waymark serve did not say where it serves: $first";

my $firefox = Firefox::Marionette->new(binary => '/usr/bin/firefox-esr', width => 1280, height => 900);
# The server stops first: closing its pipe waits for it. `local $?` keeps the tests' exit status.
END {
    local $?;
    kill 'TERM', $server_pid;
    close $server;
    $firefox->quit if $firefox;
}

# Polls `$condition` (a script's truth) for up to 20 s.
sub wait_until {
    my ($what, $condition) = @_;
    for (1 .. 100) {
        return 1 if $firefox->script("return Boolean($condition)");
        select undef, undef, undef, 0.2;
    }
    fail("waited 20 s for $what");
    return 0;
}

sub photograph {
    my ($name) = @_;
    open my $file, '>:raw', "$screenshots/firefox-$name.png" or die $!;
    print {$file} $firefox->selfie(raw => 1);
    close $file;
}

# The signed-in page's own request, answered synchronously: what the API holds now.
sub api_get {
    my ($path) = @_;
    return JSON::PP->new->decode($firefox->script(
        'const r = new XMLHttpRequest(); r.open("GET", arguments[0], false); r.send(); return r.responseText;',
        args => ["/api/v1$path"]));
}

sub press {
    my (@keys) = @_;
    $firefox->perform(map { ($firefox->key_down($_), $firefox->key_up($_)) } @keys);
}

subtest 'a teacher signs in with the password and then the six-digit code' => sub {
    $firefox->go("$url/");
    wait_until('the sign-in form', q{document.querySelector('input[name=username]')});
    $firefox->find_selector('input[name=username]')->type('teacher4');
    $firefox->find_selector('input[name=password]')->type(demo_password('teacher4'));
    $firefox->find(q{//button[normalize-space()='Next']})->click;
    wait_until('the code step', q{document.querySelector('input[name=code]')});
    $firefox->find_selector('input[name=code]')->type(current_code('teacher4'));
    $firefox->find(q{//button[normalize-space()='Sign in']})->click;
    wait_until('the signed-in page', q{!document.getElementById('nav').hidden});
    # The heading comes first; the cohorts follow from their own request.
    wait_until('the home screen with its cohorts', q{/on track/i.test(document.querySelector('main').textContent)});
    like($firefox->find_selector('main')->text, qr/on track/i, 'home shows the cohorts on track');
    photograph('home');
};

my $session = api_get('/session');
my $school = $session->{school};
my ($class) = @{ $session->{classes} };

subtest "the teacher types the class's reading from the keyboard and it is saved" => sub {
    $firefox->go("$url/#/grid?class=$class");
    wait_until('the grid', q{document.querySelector('table.grid td.cell')});
    my @headings = map { lc $_->text } $firefox->find_selector('table.grid thead th.col-judgement');
    my ($reading) = grep { $headings[$_] eq 'reading' } 0 .. $#headings;
    ok(defined $reading, 'the grid has a reading column') or return;
    my $pupils = scalar(my @rows = $firefox->find_selector('table.grid tbody tr'));
    $firefox->find_selector(qq{td.cell[data-row="0"][data-column="$reading"]})->click;
    press(('o') x $pupils);
    $firefox->perform($firefox->key_down(CONTROL()), $firefox->key_down('s'), $firefox->key_up('s'), $firefox->key_up(CONTROL()));
    wait_until('the save', q{(document.querySelector('.save-state')?.textContent || '').startsWith('All changes saved')});
    photograph('grid');

    my $chosen = $firefox->script(q{return new URLSearchParams(location.hash.split('?')[1]).get('assessment')
                                        || document.querySelector('main select').value});
    my $grid = api_get("/schools/$school/assessments/$chosen/grid?class=$class");
    my @codes = map { ($_->{judgements}{reading} // {})->{code} // '' } @{ $grid->{pupils} };
    is(scalar @codes, $pupils, 'the grid showed every pupil of the class');
    is_deeply(\@codes, [('OT') x $pupils], 'every pupil is saved On track in reading');
};

subtest 'a report is drawn on screen' => sub {
    $firefox->go("$url/#/reports?report=venn&year=4");
    wait_until('the Venn diagram', q{document.querySelector('svg.venn')});
    is(scalar(my @circles = $firefox->find_selector('svg.venn circle')), 3, 'the Venn has its three circles');
    photograph('report-venn');
};

done_testing();
