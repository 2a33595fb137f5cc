#!/usr/bin/env python3
# Writes the hand-made seeds of corpus/ (the binary DNS messages cannot be typed by hand).
# Run from tests/fuzz/ after changing it; inputs the fuzzer found are added beside them by
# hand (named crash-*) and never rewritten here.
import base64
import glob
import os
import re
import shutil
import struct

ROOT = 'corpus'


def put(target, name, data):
    directory = os.path.join(ROOT, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


with open('../zones/mail.ovh.net.zone', encoding='utf-8') as f:
    KEY = re.sub(r'[" ]', '', re.search(r'p=MI[^)]*', f.read()).group(0)).rstrip()
KEY = re.match(r'p=[A-Za-z0-9+/=]+', KEY).group(0)

# JSON models: the client's own fixtures, plus the shapes they do not cover.
os.makedirs(os.path.join(ROOT, 'fuzz-json-models'), exist_ok=True)
for path in sorted(glob.glob('../fixtures/*.json')):
    shutil.copy(path, os.path.join(ROOT, 'fuzz-json-models', os.path.basename(path)))
put('fuzz-json-models', 'domain.json',
    '{"name":"shop.example","type":"authoritative","state":"ok","taskPendingId":0,'
    '"cnameToCheck":null,"domainValidated":true,"mxIsValid":false,"mxRecord":["mx1.other.net"],'
    '"srvIsValid":true,"srvRecord":[],"spfIsValid":false,"spfRecord":["v=spf1 -all"],'
    '"expectedMX":["IN MX 1 mx0.mail.ovh.net"],"expectedSPF":"v=spf1 include:mx.ovh.com ~all",'
    '"expectedAutodiscoverSRV":"_autodiscover._tcp.shop.example. IN SRV 0 0 443 pro1.mail.ovh.net.",'
    '"mxRelay":null,"dkimDiagnostics":{"errorCode":502,"message":"x","status":"error"}}')
put('fuzz-json-models', 'dkim.json',
    '{"selectorName":"ovhemp1234-selector1","customerRecord":"ovhemp1234-selector1._domainkey",'
    '"targetRecord":"ovhemp1234-selector1._domainkey.1234.ay.dkim.mail.ovh.net",'
    '"status":"waitingRecord","recordType":"CNAME","cnameIsValid":false,"taskPendingId":12,'
    '"lastUpdate":"2024-05-02T08:01:12+02:00"}')
put('fuzz-json-models', 'order.json',
    '{"orderId":123,"url":"https://www.ovh.com/cgi-bin/order/displayOrder.cgi?orderId=123",'
    '"prices":{"withTax":{"text":"\\u20ac4.20","value":4.2},"withoutTax":{"text":"\\u20ac3.50"}}}')
put('fuzz-json-models', 'alias.json',
    '[{"alias":"anna@shop.example","creationDate":"2024-05-02T08:01:12+02:00","taskPendingId":0},'
    '{"alias":"x@y"}]')
put('fuzz-json-models', 'array-of-scalars.json', '[1,2,3,"a",null,{}]')

for i, text in enumerate([
        'v=spf1 include:mx.ovh.com ~all\nv=spf1 include:mx.ovh.com ~all',
        'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx -all\nv=spf1 include:mx.ovh.com ~all',
        'v=spf1 redirect=_spf.example.com exp=explain.example.com\nv=spf1 include:mx.ovh.com ~all',
        'v=spf1 include:_spf.google.com ?ptr exists:%{i}.x.example +all\nv=spf1 include:mx.ovh.com -all',
        'v=spf1 ip4:1.2.3.4~all\n',
        'V=SPF1 a:mail.example.com/24//64 unknown=foo ~all\n',
        '\n']):
    put('fuzz-spf', 'seed-%d' % i, text)

for i, text in enumerate([
        'v=DKIM1; k=rsa; ' + KEY,
        'v=DKIM1; k=rsa; t=y; p=',
        'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
        'k=rsa; ' + KEY[:60] + ' ' + KEY[60:],
        'v=DKIM2; p=abc',
        'v=DKIM1; p=!!!!',
        'garbage ;;= =']):
    put('fuzz-dkim', 'seed-%d' % i, text)
put('fuzz-dkim', 'der-key', base64.b64decode(KEY[2:]))

for i, text in enumerate([
        'v=DMARC1; p=none',
        'v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:d@example.com; adkim=s; aspf=r',
        'v=DMARC1;p=reject;p=none',
        'v=DMARC1; pct=200; p=none',
        'v = DMARC1 ; p = reject ;',
        'v=DMARC1',
        'p=none; v=DMARC1']):
    put('fuzz-dmarc', 'seed-%d' % i, text)


def name(text):
    out = b''
    for label in text.rstrip('.').split('.'):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b'\0'


def rr(owner, rtype, rdata, ttl=3600):
    return owner + struct.pack('>HHIH', rtype, 1, ttl, len(rdata)) + rdata


def message(qtype, answers=(), authority=(), additional=(), flags=0x8400, rcode=0):
    header = struct.pack('>HHHHHH', 0x1234, flags | rcode, 1,
                         len(answers), len(authority), len(additional))
    return (header + name('example.com') + struct.pack('>HH', qtype, 1) +
            b''.join(answers) + b''.join(authority) + b''.join(additional))


QNAME = b'\xc0\x0c'  # a pointer to the question's name
ORDER = ['A', 'AAAA', 'CNAME', 'NS', 'MX', 'SRV', 'TXT', 'SOA']  # as in fuzz-dns-answer.c


def pick(rtype, authoritative=True):
    return bytes([ORDER.index(rtype) | (0x80 if authoritative else 0)])


put('fuzz-dns-answer', 'mx', pick('MX') + message(15, [
    rr(QNAME, 15, struct.pack('>H', 1) + name('mx0.mail.ovh.net')),
    rr(QNAME, 15, struct.pack('>H', 5) + b'\x03mx1\xc0\x2b')]))
put('fuzz-dns-answer', 'txt', pick('TXT') + message(16, [
    rr(QNAME, 16, b'\x1ev=spf1 include:mx.ovh.com ~all'),
    rr(QNAME, 16, b'\x05hello\x00\x03\x01\x02\x7f')]))
put('fuzz-dns-answer', 'soa-nxdomain', pick('A') + message(1, [], [
    rr(QNAME, 6, name('ns1.example.com') + name('hostmaster.example.com') +
       struct.pack('>IIIII', 2024, 3600, 600, 86400, 300))], rcode=3))
put('fuzz-dns-answer', 'cname-a', pick('A', False) + message(1, [
    rr(QNAME, 5, name('www.example.net')),
    rr(name('www.example.net'), 1, bytes([192, 0, 2, 1]))], flags=0x8000))
put('fuzz-dns-answer', 'srv', pick('SRV') + message(33, [
    rr(QNAME, 33, struct.pack('>HHH', 0, 0, 443) + name('pro1.mail.ovh.net'))]))
put('fuzz-dns-answer', 'ns-glue', pick('NS') + message(2, [], [
    rr(QNAME, 2, name('dns1.ovh.net'))], [
    rr(name('dns1.ovh.net'), 1, bytes([213, 251, 188, 140])),
    rr(name('dns1.ovh.net'), 28, bytes(16))]))
put('fuzz-dns-answer', 'pointer-loop', pick('MX') + message(15, [
    rr(b'\xc0\x1d', 15, b'\x00\x01\xc0\x1d')]))
put('fuzz-dns-answer', 'truncated', pick('TXT') + message(16, [
    rr(QNAME, 16, b'\x1ev=spf1')])[:-3])

for i, text in enumerate([
        'shop.example\nMX\n\n1 mx0.mail.ovh.net.',
        'shop.example\nTXT\n\n"v=spf1 include:mx.ovh.com ~all"',
        'shop.example\nSRV\n_autodiscover._tcp\n0 0 443 pro1.mail.ovh.net.',
        'shop.example\nCNAME\nselector1._domainkey\nselector1.1234.dkim.mail.ovh.net.',
        'shop.example\nA\nwww\n192.0.2.1',
        'shop.example\nAAAA\n\n2001:db8::1',
        'shop.example\nTXT\n_dmarc\nv=DMARC1; p=none\n\x01\xff"\\',
        'shop.example\nMX\n\nIN MX 1 mx0.mail.ovh.net',
        'shop.example\nSRV\n\n_autodiscover._tcp.shop.example. IN SRV 0 0 443 pro1.mail.ovh.net.',
        'shop.example\nNS\n\ndns1.ovh.net.',
        'shop.example\nTXT\n\n' + 'x' * 600]):
    put('fuzz-zone-file', 'seed-%d' % i, text)

for i, (status, body) in enumerate([
        (404, '{"class":"Client::NotFound","message":"The requested object (domain = shop.example) does not exist"}'),
        (403, '{"errorCode":"NOT_GRANTED_CALL","httpCode":"403 Forbidden","message":"This call has not been granted"}'),
        (403, '{"errorCode":"INVALID_CREDENTIAL","message":"This credential is not valid"}'),
        (400, '{"errorCode":"QUERY_TIME_OUT","message":"Query out of time"}'),
        (409, '{"class":"Client::Conflict::AlreadyExists","message":"already exists","details":{"a":1}}'),
        (429, '{"class":"Client::TooManyRequests","message":"Too many requests"}'),
        (500, '<html>Internal error</html>'),
        (503, ''),
        (401, '{"message":null}'),
        (400, '[1,2]')]):
    put('fuzz-api-error', 'seed-%d' % i, struct.pack('>H', status - 100) + body.encode())
