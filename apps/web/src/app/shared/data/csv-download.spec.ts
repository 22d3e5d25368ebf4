import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CsvDownload } from './csv-download';

describe('CsvDownload.save', () => {
  it('saves the blob through a temporary <a download> and frees it', () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const created = jest.fn(() => 'blob:mock');
    const revoked = jest.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const clicks: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });

    TestBed.inject(CsvDownload).save(new Blob(['a,b\n']), 'follow-ups.csv');

    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('follow-ups.csv');
    expect(clicks[0].getAttribute('href')).toBe('blob:mock');
    expect(document.querySelector('a[download]')).toBeNull();
    jest.runAllTimers();
    expect(revoked).toHaveBeenCalledWith('blob:mock');
    jest.useRealTimers();
  });
});
